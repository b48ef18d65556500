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
 * <p>Three arrays, each laid out so that no two CPUs write to one cache line:
 *
 * <ul>
 *   <li>{@code values}: CPU {@code c}'s value at {@code c * }{@value #VALUE_SPACING}. It is written
 *       only in the constructor, so its lines stay shared read-only in every core's cache and need
 *       no padding. Each value is followed by a {@value #FILLER_BYTES}-byte filler array, allocated
 *       right after the value and kept reachable beside it, so that the value objects themselves,
 *       usually allocated one after another, do not share a line as allocated, nor after a copying
 *       collection, which copies the objects an array refers to in (or in reverse) element order.
 *       This is best effort: the JVM decides where objects go.
 *   <li>{@code marks}: CPU {@code c}'s nesting mark, a {@code long}, at {@code (c + 1) * }{@value
 *       #STRIDE}, 128 bytes apart (the pair of lines an adjacent-line prefetcher moves together),
 *       after a leading block that keeps the array header off CPU 0's line. It is the one word the
 *       check writes, twice per entry. It is a primitive rather than a reference because a
 *       reference store pays the collector's write barrier (G1's includes a StoreLoad fence once the
 *       array is in the old generation), which cost as much as the rest of the entry.
 *   <li>{@code entrySites}: in assertion mode, where CPU {@code c}'s running entry began, padded the
 *       same way; untouched otherwise.
 * </ul>
 *
 * <h2>Memory model</h2>
 *
 * <p>Values are written in the constructor and reached through a final field, so every thread
 * that obtains the allocation, even through a data race, sees them (JLS 17.5). Afterwards a CPU's
 * mark and entry site are read and written only by the thread that owns its CPU slot, with plain
 * accesses, as is the value object itself: the {@link SlotTable}'s release and acquire of the slot
 * order one owner's accesses before the next owner's.
 *
 * <h2>The nesting check</h2>
 *
 * <p>Entering stores the entering thread's {@link PinState#id} as the CPU's mark and clears it in a
 * {@code finally}; an entry that finds its own id already there is nested, whichever handle, token,
 * symbol lookup, helper or method reference it came through, because they all lead to this one
 * object. It throws {@link PerCpuNestingException} before running the closure and without touching
 * the outer entry's mark. Comparing with the thread's own id (rather than testing for non-zero)
 * makes a mark left by a thread that died inside a closure harmless; ids are never reused.
 *
 * <p>{@link #acceptUnchecked} is the same entry without the check, for benchmarks only.
 */
public final class Allocation<T> {
  static final int STRIDE = 16;
  static final int SITE_STRIDE = 32;
  static final int VALUE_SPACING = 2;
  static final int FILLER_BYTES = 128;

  private final Object[] values;
  private final long[] marks;
  private final Object[] entrySites;
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
    Object[] v = new Object[cpus * VALUE_SPACING];
    for (int cpu = 0; cpu < cpus; cpu++) {
      v[cpu * VALUE_SPACING] = initialValue.apply(cpu);
      // A long[14] is 128 bytes with its header.
      v[cpu * VALUE_SPACING + 1] = new long[(FILLER_BYTES - 16) / Long.BYTES];
    }
    this.values = v;
    this.marks = new long[(cpus + 1) * STRIDE];
    this.entrySites = new Object[(cpus + 1) * SITE_STRIDE];
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
    return (T) values[cpu * VALUE_SPACING];
  }

  /**
   * Runs {@code action} on CPU {@code cpu}'s value, which the thread of {@code state} owns.
   *
   * @param handleOrigin how the handle used was obtained (assertion mode), or {@code null}
   * @throws PerCpuNestingException if one of this allocation's closures already runs on {@code cpu}
   */
  @SuppressWarnings("unchecked")
  public void accept(PinState state, int cpu, Consumer<? super T> action, String handleOrigin) {
    long[] m = marks;
    int i = (cpu + 1) * STRIDE;
    long id = state.id;
    if (m[i] == id) {
      throw nested(state, cpu, handleOrigin);
    }
    m[i] = id;
    boolean tracking = state.tracking;
    if (tracking) {
      entrySites[(cpu + 1) * SITE_STRIDE] = entrySite(handleOrigin);
    }
    state.entries++;
    try {
      action.accept((T) values[cpu * VALUE_SPACING]);
    } finally {
      state.entries--;
      m[i] = 0;
      if (tracking) {
        entrySites[(cpu + 1) * SITE_STRIDE] = null;
      }
    }
  }

  /** As {@link #accept}, with a result. */
  @SuppressWarnings("unchecked")
  public <R> R apply(
      PinState state, int cpu, Function<? super T, ? extends R> function, String handleOrigin) {
    long[] m = marks;
    int i = (cpu + 1) * STRIDE;
    long id = state.id;
    if (m[i] == id) {
      throw nested(state, cpu, handleOrigin);
    }
    m[i] = id;
    boolean tracking = state.tracking;
    if (tracking) {
      entrySites[(cpu + 1) * SITE_STRIDE] = entrySite(handleOrigin);
    }
    state.entries++;
    try {
      return function.apply((T) values[cpu * VALUE_SPACING]);
    } finally {
      state.entries--;
      m[i] = 0;
      if (tracking) {
        entrySites[(cpu + 1) * SITE_STRIDE] = null;
      }
    }
  }

  /**
   * {@link #accept} without the nesting check (and without assertion-mode provenance): the
   * baseline a benchmark compares the check against. Never use it in a program.
   */
  @SuppressWarnings("unchecked")
  public void acceptUnchecked(PinState state, int cpu, Consumer<? super T> action) {
    state.entries++;
    try {
      action.accept((T) values[cpu * VALUE_SPACING]);
    } finally {
      state.entries--;
    }
  }

  private static String entrySite(String handleOrigin) {
    String at = CallerFrame.capture();
    return handleOrigin == null ? at : at + " through a handle " + handleOrigin;
  }

  private PerCpuNestingException nested(PinState state, int cpu, String innerOrigin) {
    Object outerSite = entrySites[(cpu + 1) * SITE_STRIDE];
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
