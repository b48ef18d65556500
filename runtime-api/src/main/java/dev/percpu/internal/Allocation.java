package dev.percpu.internal;

import dev.percpu.PerCpuNestingException;
import dev.percpu.PerCpuViolation;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One per-CPU allocation: a value for every possible CPU, and for every CPU a mark saying whether
 * one of the allocation's closures is running there.
 *
 * <h2>Layout</h2>
 *
 * <p>One {@code Object[]} in which CPU {@code c} owns the block of {@value #STRIDE} references at
 * {@code (c + 1) * STRIDE}: 128 bytes with compressed references (the pair of lines an
 * adjacent-line prefetcher moves together), 256 without. The first block is padding that keeps the
 * array header off CPU 0's line. A block holds the value, the nesting mark and, in assertion mode,
 * where the running entry began; all three are touched together by the same thread, so they share a
 * line on purpose.
 *
 * <h2>Memory model</h2>
 *
 * <p>Initial values are written in the constructor and reached through a final field, so every
 * thread that obtains the allocation, even through a data race, sees them (JLS 17.5). Afterwards a
 * block is read and written only by the thread that owns its CPU slot, with plain accesses: the
 * {@link SlotTable}'s release and acquire of the slot order one owner's accesses before the next
 * owner's.
 *
 * <h2>The nesting check</h2>
 *
 * <p>Entering stores the entering thread's {@link PinState} as the CPU's mark and clears it in a
 * {@code finally}; an entry that finds its own state already there is nested, whichever handle,
 * token, symbol lookup, helper or method reference it came through, because they all lead to this
 * one object. It throws {@link PerCpuNestingException} before running the closure and without
 * touching the outer entry's mark. Comparing with the thread's own state (rather than testing for
 * non-{@code null}) makes a mark left by a thread that died inside a closure harmless.
 *
 * <p>{@link #acceptUnchecked} is the same entry without the check, for benchmarks only.
 */
public final class Allocation<T> {
  static final int STRIDE = 32;
  private static final int MARK = 1;
  private static final int ENTRY_SITE = 2;

  private final Object[] area;
  private final String symbol;
  private final String site;

  /**
   * Creates the values, one per CPU, from {@code initialValue} applied to each CPU id in order.
   *
   * @param symbol the static variable's name, or {@code null} for a dynamic allocation
   * @param site where it was allocated or defined
   */
  public Allocation(IntFunction<? extends T> initialValue, String symbol, String site) {
    int cpus = Pins.cpus();
    Object[] values = new Object[(cpus + 1) * STRIDE];
    for (int cpu = 0; cpu < cpus; cpu++) {
      values[(cpu + 1) * STRIDE] = initialValue.apply(cpu);
    }
    this.area = values;
    this.symbol = symbol;
    this.site = site;
  }

  /** The static variable's name, or {@code null}. */
  public String symbol() {
    return symbol;
  }

  /** Where the allocation was made (or its symbol defined). */
  public String site() {
    return site;
  }

  /** How messages name this allocation. */
  public String describe() {
    return symbol != null
        ? "per-CPU variable '" + symbol + "' (defined at " + site + ")"
        : "per-CPU allocation (allocated at " + site + ")";
  }

  /** The value of {@code cpu}, read without any check: for tests and benchmarks. */
  @SuppressWarnings("unchecked")
  public T valueUnchecked(int cpu) {
    return (T) area[(cpu + 1) * STRIDE];
  }

  /**
   * Runs {@code action} on CPU {@code cpu}'s value, which the thread of {@code state} owns.
   *
   * @param handleOrigin how the handle used was obtained (assertion mode), or {@code null}
   * @throws PerCpuNestingException if one of this allocation's closures already runs on {@code cpu}
   */
  @SuppressWarnings("unchecked")
  public void accept(PinState state, int cpu, Consumer<? super T> action, String handleOrigin) {
    Object[] a = area;
    int i = (cpu + 1) * STRIDE;
    if (a[i + MARK] == state) {
      throw nested(state, cpu, a[i + ENTRY_SITE], handleOrigin);
    }
    a[i + MARK] = state;
    if (state.tracking) {
      a[i + ENTRY_SITE] = entrySite(handleOrigin);
    }
    state.entries++;
    try {
      action.accept((T) a[i]);
    } finally {
      state.entries--;
      a[i + MARK] = null;
      a[i + ENTRY_SITE] = null;
    }
  }

  /** As {@link #accept}, with a result. */
  @SuppressWarnings("unchecked")
  public <R> R apply(
      PinState state, int cpu, Function<? super T, ? extends R> function, String handleOrigin) {
    Object[] a = area;
    int i = (cpu + 1) * STRIDE;
    if (a[i + MARK] == state) {
      throw nested(state, cpu, a[i + ENTRY_SITE], handleOrigin);
    }
    a[i + MARK] = state;
    if (state.tracking) {
      a[i + ENTRY_SITE] = entrySite(handleOrigin);
    }
    state.entries++;
    try {
      return function.apply((T) a[i]);
    } finally {
      state.entries--;
      a[i + MARK] = null;
      a[i + ENTRY_SITE] = null;
    }
  }

  /**
   * {@link #accept} without the nesting check (and without assertion-mode provenance): the
   * baseline a benchmark compares the check against. Never use it in a program.
   */
  @SuppressWarnings("unchecked")
  public void acceptUnchecked(PinState state, int cpu, Consumer<? super T> action) {
    Object[] a = area;
    int i = (cpu + 1) * STRIDE;
    state.entries++;
    try {
      action.accept((T) a[i]);
    } finally {
      state.entries--;
    }
  }

  private static String entrySite(String handleOrigin) {
    String at = CallerFrame.capture();
    return handleOrigin == null ? at : at + " through a handle " + handleOrigin;
  }

  private PerCpuNestingException nested(
      PinState state, int cpu, Object outerSite, String innerOrigin) {
    StringBuilder message =
        new StringBuilder("nested entry of ")
            .append(describe())
            .append(" on CPU ")
            .append(cpu)
            .append(" by thread \"")
            .append(ThreadNames.of(state.thread))
            .append("\": one of its closures is already running on this CPU, and entering it")
            .append(" again would alias that value; the inner closure was not run");
    if (state.tracking) {
      message
          .append("\n  outer entry began at ")
          .append(outerSite != null ? outerSite : "an unrecorded place")
          .append("\n  inner entry at ")
          .append(CallerFrame.capture());
      if (innerOrigin != null) {
        message.append(" through a handle ").append(innerOrigin);
      }
    }
    return AssertionMode.violation(
        PerCpuViolation.Kind.NESTED_ENTRY, new PerCpuNestingException(message.toString()));
  }

  @Override
  public String toString() {
    return describe();
  }
}
