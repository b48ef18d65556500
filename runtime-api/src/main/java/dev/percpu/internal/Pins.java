package dev.percpu.internal;

/**
 * Pinning as the calling thread sees it: a thread-local {@link PinState} over the global {@link
 * SlotTable}. A pin on an already pinned thread only deepens it (like nested {@code
 * preempt_disable()}); the slot is released when the depth returns to zero.
 *
 * <p>These are the primitives that {@code CpuGuard} and the convenience {@code PerCpu.with} are
 * built from; a benchmark can combine them with {@link Allocation} directly.
 */
public final class Pins {
  private static final int CPUS = Cpus.possible();
  private static final SlotTable SLOTS = new SlotTable(CPUS, AssertionMode::deadOwnerReclaimed);
  private static final ThreadLocal<PinState> STATE =
      ThreadLocal.withInitial(() -> new PinState(Thread.currentThread(), CPUS));

  private Pins() {}

  /** The number of possible CPUs (and of slots). */
  public static int cpus() {
    return CPUS;
  }

  /** The calling thread's pin state. */
  public static PinState current() {
    return STATE.get();
  }

  /** Pins the calling thread (or deepens its pin) and returns its state; {@code cpu} is set. */
  public static PinState pin() {
    PinState state = STATE.get();
    if (state.depth == 0) {
      state.cpu = SLOTS.acquireAny(state);
      begin(state);
    }
    state.push();
    return state;
  }

  /**
   * Pins the calling thread, which must not be pinned, to slot {@code cpu}, waiting for its owner
   * to unpin. Used by {@code onEachCpu}.
   */
  public static void pinTo(PinState state, int cpu) {
    if (state.depth != 0) {
      throw new IllegalStateException("already pinned to CPU " + state.cpu);
    }
    SLOTS.acquire(state, cpu);
    state.cpu = cpu;
    begin(state);
    state.push();
  }

  private static void begin(PinState state) {
    boolean tracking = AssertionMode.enabled();
    state.tracking = tracking;
    if (tracking) {
      AssertionMode.pinOpened(state);
    }
  }

  /** Undoes one {@link #pin()} of the calling thread, whose state this is. */
  public static void unpin(PinState state) {
    if (state.pop() == 0) {
      release(state);
    }
  }

  private static void release(PinState state) {
    int cpu = state.cpu;
    state.cpu = -1;
    if (state.tracking) {
      AssertionMode.pinClosed(state);
    }
    SLOTS.release(state, cpu);
  }

  /** A snapshot of the slot owners, indexed by CPU. */
  public static Thread[] owners() {
    return SLOTS.owners();
  }
}
