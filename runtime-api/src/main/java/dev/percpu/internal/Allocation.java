package dev.percpu.internal;

import dev.percpu.PerCpuNestingException;
import dev.percpu.PerCpuViolation;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One per-CPU allocation: a value for every possible CPU.
 *
 * <h2>Layout</h2>
 *
 * <p>CPU {@code c}'s value is at {@code values[2 * c + 1]}. The array is written only in the
 * constructor, so its lines stay shared read-only in every core's cache; nothing else about a CPU
 * is stored here (the nesting check below keeps its state per thread), so entering writes no shared
 * line at all. Every value has a {@value #FILLER_BYTES}-byte filler array on each side, allocated
 * around it and kept reachable beside it in the array, so that the value objects, usually allocated
 * one after another, share a line neither with each other nor with the array (which every CPU
 * reads): not as allocated, nor after a copying collection, which copies the objects an array
 * refers to in (or in reverse) element order. This is best effort: the JVM decides where objects
 * go.
 *
 * <h2>Memory model</h2>
 *
 * <p>Values are written in the constructor and reached through a final field, so every thread that
 * obtains the allocation, even through a data race, sees them (JLS 17.5). Afterwards a value object
 * is read and written only by the thread that owns its CPU slot, with plain accesses: the {@link
 * SlotTable}'s release and acquire of the slot order one owner's accesses before the next owner's.
 *
 * <h2>The nesting check</h2>
 *
 * <p>A closure of this allocation can only be running on a CPU if the thread that entered it is
 * pinned there and still inside it, and a pinned thread stays on one CPU until its outermost pin
 * closes (nested pins stay on the same CPU, and {@code onEachCpu} refuses to start while pinned).
 * So "a closure of A is running on this CPU" is, for the entering thread, exactly "A is on this
 * thread's stack of running closures". Each entry therefore pushes this allocation's {@link #id} on
 * its thread's {@link PinState#entered} stack (popped in a {@code finally}), and an entry that
 * finds the id already there is nested, whichever handle, token, symbol lookup, helper or method
 * reference it came through, because they all lead to this one object. It throws {@link
 * PerCpuNestingException} before running the closure and without touching the outer entry. The
 * check touches only the thread's own state: a {@code long} store on the fast path, no GC write
 * barrier, no line shared with another thread, and a search of the stack only when closures are
 * already running on the thread.
 *
 * <p>{@link #acceptUnchecked} is the same entry without the check, for benchmarks only.
 */
public final class Allocation<T> {
  static final int FILLER_BYTES = 128;

  private static final AtomicLong IDS = new AtomicLong();

  /** Names this allocation on the threads' stacks of running closures; unique, never reused. */
  final long id = IDS.incrementAndGet();

  private final Object[] values;
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
    Object[] v = new Object[2 * cpus + 1];
    v[0] = filler();
    for (int cpu = 0; cpu < cpus; cpu++) {
      Object value = initialValue.apply(cpu);
      if (value == null) {
        // A null value would surface much later as a NullPointerException inside some closure,
        // far from the initialiser that produced it: refuse it here, where it can be named.
        throw new NullPointerException(
            "the initial value for CPU "
                + cpu
                + " of "
                + (symbol != null
                    ? "per-CPU variable '" + symbol + "' (defined at " + site + ")"
                    : "the per-CPU allocation made at " + site)
                + " is null; an initialiser must return a value for every CPU");
      }
      v[index(cpu)] = value;
      v[index(cpu) + 1] = filler();
    }
    this.values = v;
    this.symbol = symbol;
    this.site = site;
  }

  private static int index(int cpu) {
    return 2 * cpu + 1;
  }

  private static long[] filler() {
    return new long[(FILLER_BYTES - 16) / Long.BYTES]; // 16: the array header
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
    return (T) values[index(cpu)];
  }

  /**
   * Runs {@code action} on CPU {@code cpu}'s value, which the thread of {@code state} owns.
   *
   * @param handleOrigin how the handle used was obtained (assertion mode), or {@code null}
   * @throws PerCpuNestingException if one of this allocation's closures already runs on {@code cpu}
   */
  @SuppressWarnings("unchecked")
  public void accept(PinState state, int cpu, Consumer<? super T> action, String handleOrigin) {
    int level = enter(state, cpu, handleOrigin);
    int depth = state.depth;
    try {
      action.accept((T) values[index(cpu)]);
    } catch (Throwable t) {
      // A plain store before any call: an Error (a stack overflow at the next call) cannot leave
      // the entry on the stack, where it would make every later close of the enclosing guard fail.
      state.entries = level;
      throw ClosureThrew.unwind(this, state, cpu, level, depth, t);
    }
    state.entries = level;
    exited(state, cpu, level, depth, null);
  }

  /** As {@link #accept}, for a closure with a result. */
  @SuppressWarnings("unchecked")
  public <R> R apply(
      PinState state, int cpu, Function<? super T, ? extends R> function, String handleOrigin) {
    int level = enter(state, cpu, handleOrigin);
    int depth = state.depth;
    R result;
    try {
      result = function.apply((T) values[index(cpu)]);
    } catch (Throwable t) {
      state.entries = level; // as in accept: a plain store before any call
      throw ClosureThrew.unwind(this, state, cpu, level, depth, t);
    }
    state.entries = level;
    exited(state, cpu, level, depth, null);
    return result;
  }

  /**
   * A closure returned with {@code state.depth - depth} guards it pinned still open. Left alone,
   * the entering method's own unpin would silently close the innermost of them instead of its own
   * level and leave the thread pinned for good. So the leaked levels are closed here (their guards
   * then count as closed: closing one later throws "closed twice"), which puts the pin back exactly
   * as it was before the closure ran, and the misuse is recorded and thrown.
   */
  private IllegalStateException leakedGuard(PinState state, int cpu, int depth) {
    int leaked = state.depth - depth;
    while (state.depth > depth) {
      state.pop(); // depth >= 1 here (the entry is pinned), so no slot is released
    }
    StringBuilder message =
        new StringBuilder()
            .append(leaked)
            .append(" CpuGuard(s) pinned inside a with/apply closure of ")
            .append(describe())
            .append(" on CPU ")
            .append(cpu)
            .append(" by thread \"")
            .append(ThreadNames.of(state.thread()))
            .append("\" were still open when the closure returned; they have been closed. Close")
            .append(" every guard a closure opens before it returns (try-with-resources)");
    if (state.tracking) {
      message.append("\n  closure entered at ").append(CallerFrame.capture());
    }
    return AssertionMode.violation(
        PerCpuViolation.Kind.GUARD_MISUSE, new IllegalStateException(message.toString()));
  }

  /**
   * Finishes an entry whose level the caller has already popped: clears what it recorded in
   * assertion mode, then checks that the closure closed every guard it pinned. A leak is thrown, or
   * when the closure itself threw ({@code thrown}), added to that as suppressed, so that the
   * closure's own exception is never lost.
   */
  void exited(PinState state, int cpu, int level, int depth, Throwable thrown) {
    if (FaultPoints.any()) {
      FaultPoints.reached(FaultPoints.Point.EXIT);
    }
    state.leave(level);
    if (state.depth != depth) {
      IllegalStateException leak = leakedGuard(state, cpu, depth);
      if (thrown == null) {
        throw leak;
      }
      thrown.addSuppressed(leak);
    }
  }

  /** The nesting check and the push; returns the level to pop back to in the end. */
  private int enter(PinState state, int cpu, String handleOrigin) {
    int level = state.entries;
    if (level != 0 && state.isEntered(id)) {
      throw nested(state, cpu, handleOrigin);
    }
    state.enter(level, id, state.tracking ? entrySite(handleOrigin) : null);
    return level;
  }

  /**
   * {@link #accept} without the nesting check: the baseline a benchmark compares the check against,
   * so it keeps everything else {@code accept} does (the running-closure count that guards check,
   * the leaked-guard check, the unwinding of a closure that threw) and leaves out only the search
   * and the push of this allocation's id (and assertion-mode provenance). Never use it in a
   * program.
   */
  @SuppressWarnings("unchecked")
  public void acceptUnchecked(PinState state, int cpu, Consumer<? super T> action) {
    int level = state.entries;
    state.entries = level + 1;
    int depth = state.depth;
    try {
      action.accept((T) values[index(cpu)]);
    } catch (Throwable t) {
      state.entries = level;
      throw ClosureThrew.unwind(this, state, cpu, level, depth, t);
    }
    state.entries = level;
    exited(state, cpu, level, depth, null);
  }

  private static String entrySite(String handleOrigin) {
    String at = CallerFrame.capture();
    return handleOrigin == null ? at : at + " through a handle " + handleOrigin;
  }

  private PerCpuNestingException nested(PinState state, int cpu, String innerOrigin) {
    String outerSite = state.entrySite(id);
    StringBuilder message =
        new StringBuilder("nested entry of ")
            .append(describe())
            .append(" on CPU ")
            .append(cpu)
            .append(" by thread \"")
            .append(ThreadNames.of(state.thread()))
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
