package dev.percpu;

import dev.percpu.internal.AssertionMode;
import dev.percpu.internal.FaultPoints;
import dev.percpu.internal.PinState;
import dev.percpu.internal.Pins;
import dev.percpu.internal.ThreadNames;
import dev.percpu.qual.InvokesClosure;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A pin: while it is open, the pinning thread owns one CPU slot, and no other thread is pinned to
 * that slot. It is the Java counterpart of the kernel's {@code CpuGuard}, which disables preemption
 * so that "the current CPU" cannot change.
 *
 * <pre>{@code
 * try (CpuGuard guard = CpuGuard.pin()) {
 *   requests.get(guard).with(r -> r.count++);
 *   latencies.get(guard).with(l -> l.record(nanos));   // same CPU, same pin
 * }
 * }</pre>
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>{@link #pin()} on an unpinned thread takes a free slot: first the one the thread used last,
 *       otherwise any free one (a thread that keeps colliding moves, as {@code Striped64}'s cells
 *       do). When every slot is taken it waits: a short spin, then yields, then it parks until a
 *       slot is released. It never deadlocks and never spins without bound.
 *   <li>{@link #pin()} on a pinned thread returns a new guard on the <em>same</em> CPU and only
 *       counts the depth, like nested {@code preempt_disable()}. Guards close in LIFO order, on the
 *       thread that pinned; the slot is released when the outermost one closes.
 *   <li>A slot whose owner died without closing its guard is reclaimed by the next thread that
 *       needs it; this is logged as a warning through {@link System.Logger} (logger {@code
 *       dev.percpu}), or recorded as a {@link PerCpuViolation} in assertion mode.
 * </ul>
 *
 * <p>A pin is held like a spin lock: keep it short, and do not block while pinned on something that
 * needs another pin to make progress (with every slot taken, that waits forever, as a thread
 * holding a lock and waiting for another thread that needs it would).
 *
 * <h2>Misuse</h2>
 *
 * <p>Closing a guard twice, on a thread other than the pinning one, before the guards opened after
 * it, or while a closure entered under it is still running throws {@link IllegalStateException}
 * saying which. So does using a closed guard or a guard of another thread to make a token or to
 * update a {@link PerCpuCounter}. A guard must not be shared between threads.
 *
 * <h2>Memory model</h2>
 *
 * <p>Actions of a thread before it closes its outermost guard on a CPU are ordered before the
 * actions of the next thread pinned to that CPU after its {@code pin()} returns: the close is a
 * release store and the next pin's compare-and-set reads it with acquire semantics (the
 * ownership-transfer pattern of {@link java.lang.invoke.VarHandle}'s release/acquire modes, as in a
 * lock). That is why per-CPU values need no synchronisation of their own while accessed under a
 * pin.
 */
public final class CpuGuard implements AutoCloseable {
  // Immutable on purpose: whether the guard is open is kept in its thread's PinState (see
  // PinState#isOpen), and close() and checkUsable() hand only these fields to static methods. So
  // when the JIT inlines pin() and a try-with-resources, the guard never escapes, not even on the
  // exception path, and is never allocated.
  private final PinState state;

  /**
   * The pinning thread, for the wrong-thread checks: a field of the guard (a register once the
   * guard is scalar-replaced), not the state's weak reference to its thread, whose load on every
   * check also kept C2 on JDK 17 from scalar-replacing the guard (40 B/op).
   */
  private final Thread thread;

  private final int cpu;
  private final int depth;
  private final long serial;
  private final int entriesAtPin;

  private CpuGuard(PinState state) {
    this.state = state;
    this.thread = Thread.currentThread(); // only the state's own thread pins it
    this.cpu = state.cpu;
    this.depth = state.depth;
    this.serial = state.registerGuard();
    this.entriesAtPin = state.entries;
  }

  /**
   * Pins the calling thread to a CPU, or, if it is already pinned, returns another guard on the
   * same CPU. Close it with try-with-resources.
   *
   * @return an open guard, to be closed on this thread
   */
  public static CpuGuard pin() {
    PinState state = Pins.pin();
    try {
      if (FaultPoints.any()) {
        FaultPoints.reached(FaultPoints.Point.PIN_GUARD);
      }
      return new CpuGuard(state);
    } catch (Throwable t) {
      // No guard reached the caller, so nobody could close this pin: undo it (an Error included,
      // say an OutOfMemoryError making the guard).
      Pins.unpin(state);
      throw t;
    }
  }

  /**
   * The CPU this guard pins, {@code 0 <= cpu() < possibleCpus()}.
   *
   * @return the pinned CPU; still answered after the guard closed
   */
  public int cpu() {
    return cpu;
  }

  /**
   * Unpins: closes this guard and, if it is the outermost one, releases the CPU slot.
   *
   * @throws IllegalStateException if called on another thread than the pinning one, a second time,
   *     while guards opened after this one are still open, or while a closure entered under this
   *     guard is still running; the guard then stays open
   */
  @Override
  public void close() {
    close(state, thread, cpu, depth, serial, entriesAtPin);
  }

  private static void close(
      PinState state, Thread thread, int cpu, int depth, long serial, int entriesAtPin) {
    boolean own = Thread.currentThread() == thread;
    if (own && state.owedUnpins != 0) {
      // A with/apply under this guard overflowed the stack at its call into unpin: its level is
      // still above this guard's. Close it first, as it would have been.
      Pins.payOwedUnpins(state);
    }
    if (!own
        || state.depth != depth
        || !state.isOpen(depth, serial)
        || state.entries != entriesAtPin) {
      throw closeMisuse(state, thread, cpu, depth, serial);
    }
    Pins.unpin(state);
  }

  /** Says which rule a refused {@link #close()} broke. */
  private static IllegalStateException closeMisuse(
      PinState state, Thread thread, int cpu, int depth, long serial) {
    Thread current = Thread.currentThread();
    if (current != thread) {
      return misuse(
          "CpuGuard of CPU "
              + cpu
              + " closed on thread \""
              + ThreadNames.of(current)
              + "\", but it was pinned by thread \""
              + ThreadNames.of(thread)
              + "\"; a guard is closed on the thread that pinned it");
    }
    if (!state.isOpen(depth, serial)) {
      return misuse(
          "CpuGuard of CPU " + cpu + " closed twice on thread \"" + ThreadNames.of(current) + "\"");
    }
    if (state.depth != depth) {
      return misuse(
          "CpuGuard of CPU "
              + cpu
              + " (pin depth "
              + depth
              + ") closed out of LIFO order on thread \""
              + ThreadNames.of(current)
              + "\": "
              + (state.depth - depth)
              + " guard(s) opened after it are still open; close the innermost guard first");
    }
    return misuse(
        "CpuGuard of CPU "
            + cpu
            + " closed on thread \""
            + ThreadNames.of(current)
            + "\" while a with/apply closure entered under it is still running; the pin must"
            + " outlive the closure");
  }

  /**
   * The number of possible CPUs: the system property {@code percpu.cpus} if set, otherwise {@link
   * Runtime#availableProcessors()}; fixed for the life of the JVM.
   *
   * @return the number of CPU slots, at least 1
   * @throws IllegalArgumentException if {@code percpu.cpus} is not a whole number from 1 to 65536;
   *     so does every other use of the runtime (pinning, allocating), each time
   */
  public static int possibleCpus() {
    return Pins.cpus();
  }

  /**
   * Runs {@code action} once for every CPU, in increasing order, with the calling thread pinned to
   * that CPU; for each CPU it waits until the slot's current owner unpins. The guard passed in is
   * open for the duration of the call and closed afterwards (the action may close it itself).
   *
   * <pre>{@code
   * CpuGuard.onEachCpu(guard -> hits.get(guard).with(h -> h.reset()));
   * }</pre>
   *
   * <p>An exception from {@code action} unpins and propagates; the remaining CPUs are skipped. If
   * closing the CPU's guard then fails too, that failure is added to it as suppressed. Guards the
   * action pins itself and leaves open are closed, and the misuse is reported with an {@link
   * IllegalStateException} (recorded in assertion mode).
   *
   * @param action what to run on each CPU, given that CPU's guard
   * @throws IllegalStateException if the calling thread is already pinned (it would wait for its
   *     own slot)
   */
  @InvokesClosure(0)
  public static void onEachCpu(Consumer<CpuGuard> action) {
    Objects.requireNonNull(action, "action");
    PinState state = Pins.current();
    if (state.depth != 0) {
      throw AssertionMode.violation(
          PerCpuViolation.Kind.ON_EACH_CPU_WHILE_PINNED,
          new IllegalStateException(
              "CpuGuard.onEachCpu called on thread \""
                  + ThreadNames.of(state.thread())
                  + "\" while it is pinned to CPU "
                  + state.cpu
                  + "; it would wait for its own slot. Call it outside any pin"));
    }
    int cpus = Pins.cpus();
    for (int cpu = 0; cpu < cpus; cpu++) {
      Pins.pinTo(state, cpu);
      CpuGuard guard;
      try {
        guard = new CpuGuard(state);
      } catch (Throwable t) {
        Pins.unpin(state); // as in pin(): no guard, so nobody else could close this pin
        throw t;
      }
      try {
        action.accept(guard);
      } catch (Throwable t) {
        // The close below can itself throw (say the action left a nested guard open): the action's
        // exception is what the caller needs, so the close's failure rides along as suppressed.
        try {
          closeForEachCpu(state, guard);
        } catch (RuntimeException | Error closeFailure) {
          state.owedUnpins = state.depth; // as below
          t.addSuppressed(closeFailure);
        }
        throw t;
      }
      try {
        if (FaultPoints.any()) {
          FaultPoints.reached(FaultPoints.Point.UNPIN_CALL);
        }
        closeForEachCpu(state, guard);
      } catch (Throwable e) {
        // Perhaps a stack overflow at the very call. onEachCpu leaves the thread unpinned, so
        // whatever levels are left (none, if the close ran) are owed, recorded with a plain store
        // (a call here could overflow again) and paid at the thread's next pin or close (see
        // PinState#owedUnpins).
        state.owedUnpins = state.depth;
        throw e;
      }
    }
  }

  /**
   * Closes an {@code onEachCpu} guard the action left open. If the action left guards of its own
   * open above it, the close is refused (and recorded); the whole pin is then unwound, so that the
   * thread leaves {@code onEachCpu} unpinned rather than holding a slot nobody can close in order.
   */
  private static void closeForEachCpu(PinState state, CpuGuard guard) {
    if (guard.isOpen()) {
      try {
        guard.close();
      } catch (RuntimeException | Error e) {
        Pins.unwindTo(state, 0);
        throw e;
      }
    }
    if (state.depth != 0) {
      // The action closed its own guard but left one of its own pins open.
      int cpu = state.cpu;
      int depth = state.depth;
      Pins.unwindTo(state, 0);
      throw AssertionMode.violation(
          PerCpuViolation.Kind.GUARD_MISUSE,
          new IllegalStateException(
              "the action given to CpuGuard.onEachCpu on thread \""
                  + ThreadNames.of(state.thread())
                  + "\" left "
                  + depth
                  + " CpuGuard(s) of CPU "
                  + cpu
                  + " open; they have been closed"));
    }
  }

  /** Throws unless this guard is open and the calling thread pinned it. */
  void checkUsable(String what) {
    checkUsable(state, thread, cpu, depth, serial, what);
  }

  private static void checkUsable(
      PinState state, Thread thread, int cpu, int depth, long serial, String what) {
    if (Thread.currentThread() != thread || !state.isOpen(depth, serial)) {
      throw unusable(thread, cpu, what);
    }
  }

  private static RuntimeException unusable(Thread thread, int cpu, String what) {
    Thread current = Thread.currentThread();
    if (current != thread) {
      return AssertionMode.violation(
          PerCpuViolation.Kind.TOKEN_MISUSE,
          new IllegalStateException(
              what
                  + " used on thread \""
                  + ThreadNames.of(current)
                  + "\", but its CpuGuard (CPU "
                  + cpu
                  + ") belongs to thread \""
                  + ThreadNames.of(thread)
                  + "\"; tokens and guards stay on the thread that pinned"));
    }
    return AssertionMode.violation(
        PerCpuViolation.Kind.TOKEN_MISUSE,
        new IllegalStateException(
            what
                + " used after its CpuGuard (CPU "
                + cpu
                + ") was closed, on thread \""
                + ThreadNames.of(current)
                + "\"; pin again to get a new guard"));
  }

  /** Only meaningful on the pinning thread. */
  private boolean isOpen() {
    return state.isOpen(depth, serial);
  }

  PinState state() {
    return state;
  }

  private static IllegalStateException misuse(String message) {
    return AssertionMode.violation(
        PerCpuViolation.Kind.GUARD_MISUSE, new IllegalStateException(message));
  }

  @Override
  public String toString() {
    boolean closed = Thread.currentThread() == thread && !isOpen();
    return "CpuGuard[cpu=" + cpu + ", depth=" + depth + (closed ? ", closed" : "") + "]";
  }
}
