package dev.percpu.internal;

import dev.percpu.PerCpuViolation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Pinning as the calling thread sees it: a thread-local {@link PinState} over the global {@link
 * SlotTable}. A pin on an already pinned thread only deepens it (like nested {@code
 * preempt_disable()}); the slot is released when the depth returns to zero.
 *
 * <p>These are the primitives that {@code CpuGuard} and the convenience {@code PerCpu.with} are
 * built from; a benchmark can combine them with {@link Allocation} directly.
 */
public final class Pins {
  // Not Cpus.possible(): a malformed percpu.cpus must not poison this class (see Cpus); every entry
  // point below calls Cpus.check() instead.
  private static final int CPUS = Cpus.possibleOrOne();
  private static final SlotTable SLOTS =
      new SlotTable(
          CPUS, AssertionMode::deadOwnerReclaimed, new StallReport(), StallReport.thresholdNanos());
  // No initial value: a state is created and set explicitly by currentSlow, so that
  // currentIfPresent can look without creating one.
  private static final ThreadLocal<PinState> STATE = new ThreadLocal<>();

  private Pins() {}

  /** The number of possible CPUs (and of slots). */
  public static int cpus() {
    Cpus.check();
    return CPUS;
  }

  /**
   * A direct-mapped cache from a thread's id to its state, in front of {@link #STATE}: a hit is the
   * entry's load and the state's thread test (a {@link java.lang.ref.Reference#refersTo}, which
   * needs no collector barrier), fewer loads than {@link ThreadLocal#get()}, and a pin's cost grows
   * with every memory access. An entry is trusted only if its state belongs to the calling thread,
   * so a stale or colliding entry only sends the caller to the thread-local.
   *
   * <p>Entries hold states strongly, and states hold their threads weakly, so the cache keeps no
   * dead thread (nor its context class loader) reachable. What it can keep is up to {@value
   * #CACHE_SIZE} states of dead threads (about a kilobyte each, padding and arrays included), until
   * a thread whose id maps to the same entry takes it over: bounded, and owned by no class loader
   * but this library's.
   */
  static final int CACHE_SIZE = 1 << 10;

  private static final PinState[] CACHE = new PinState[CACHE_SIZE];

  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(PinState[].class);

  /**
   * Whether some state was ever created without winning its thread's cache entry. Until then every
   * state is its thread's cache entry for as long as the thread lives (an entry is replaced only
   * once its state's thread has terminated), so a miss proves that the caller has no state and
   * {@link #currentIfPresent()} need not touch the thread-local (whose {@code get} would give the
   * thread a map). Only the thread that created a state sets this and only that thread's lookups
   * depend on it, so program order suffices; it never goes back.
   */
  private static volatile boolean uncached;

  /** The calling thread's pin state, created on its first call. */
  public static PinState current() {
    Cpus.check();
    Thread thread = Thread.currentThread();
    PinState state = cached(thread);
    if (state == null) {
      state = currentSlow(thread);
    }
    if (state.owedUnpins != 0) {
      payOwedUnpins(state);
    }
    return state;
  }

  /**
   * Unpins the levels that an entering method could not (see {@link PinState#owedUnpins}). They are
   * the innermost ones: nothing has pinned on the thread since the debt was recorded.
   */
  public static void payOwedUnpins(PinState state) {
    while (state.owedUnpins > 0) {
      int depth = state.depth;
      try {
        unpin(state);
      } catch (StackOverflowError e) {
        // As where the debt arose: an unpin that did not begin is still owed; one that began
        // popped its level (a slot whose release it cut short is retaken by the next pin).
        if (state.depth != depth) {
          state.owedUnpins--;
        }
        throw e;
      }
      state.owedUnpins--;
    }
  }

  /**
   * The calling thread's pin state if it has one, or {@code null}; creates nothing. A thread that
   * has never pinned (nor called {@link #current()}) has none, and is therefore not pinned.
   */
  public static PinState currentIfPresent() {
    Cpus.check();
    Thread thread = Thread.currentThread();
    PinState state = cached(thread);
    return state != null || !uncached ? state : STATE.get();
  }

  /**
   * {@code thread}'s state if its cache slot holds it, else {@code null}; the hot path's lookup.
   */
  private static PinState cached(Thread thread) {
    PinState state = CACHE[slot(thread)];
    return state != null && state.belongsTo(thread) ? state : null;
  }

  /** Whether the calling thread has a pin state; for tests, and creates nothing. */
  static boolean hasState() {
    return currentIfPresent() != null;
  }

  private static PinState currentSlow(Thread thread) {
    PinState state = STATE.get();
    boolean created = state == null;
    if (created) {
      state = new PinState(thread, CPUS);
      STATE.set(state);
      if (AssertionMode.enabled()) {
        // A thread's first pin, before any slot is taken: with -Dpercpu.assertions=true, the JVM's
        // first pin is where the blocking watch starts, and starting JFR takes seconds that a held
        // slot must not wait through.
        BlockingDetection.ensureStarted();
      }
    }
    int slot = slot(thread);
    PinState occupant = CACHE[slot];
    // A compare-and-set, so that of two threads racing for one entry the loser knows it lost.
    boolean installed =
        (occupant == null || !occupant.threadAlive())
            && ENTRY.compareAndSet(CACHE, slot, occupant, state);
    if (created && !installed) {
      uncached = true;
    }
    return state;
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  private static int slot(Thread thread) {
    return (int) thread.getId() & (CACHE_SIZE - 1);
  }

  /** Pins the calling thread (or deepens its pin) and returns its state; {@code cpu} is set. */
  public static PinState pin() {
    PinState state = current();
    if (state.depth == 0) {
      int cpu = SLOTS.acquireAny(state);
      // A thread that keeps re-pinning its slot finds the number already there (see cpu).
      if (state.cpu != cpu) {
        state.cpu = cpu;
      }
      opened(state);
    } else {
      // Nothing to undo if this throws: push() changes the depth as its last step.
      state.push();
    }
    return state;
  }

  /**
   * Pins the calling thread, which must not be pinned, to slot {@code cpu}, waiting for its owner
   * to unpin. Used by {@code onEachCpu}.
   */
  public static void pinTo(PinState state, int cpu) {
    if (state.depth != 0) {
      // Reached when an onEachCpu action leaves a pin of its own open: a misuse like any other, so
      // it goes on the record even if the caller swallows it.
      throw AssertionMode.violation(
          PerCpuViolation.Kind.ON_EACH_CPU_WHILE_PINNED,
          new IllegalStateException(
              "CpuGuard.onEachCpu cannot pin thread \""
                  + ThreadNames.of(state.thread())
                  + "\" to CPU "
                  + cpu
                  + ": it is still pinned to CPU "
                  + state.cpu
                  + " (depth "
                  + state.depth
                  + "), by a guard the action opened and did not close"));
    }
    SLOTS.acquire(state, cpu);
    state.cpu = cpu;
    opened(state);
  }

  /**
   * Completes an outermost pin whose slot, {@code state.cpu}, was just won, or gives the slot back
   * and rethrows if anything in between throws (an Error included): the pin happens entirely or not
   * at all. Then reports a slot taken over from a dead owner, with the pin complete, so that a
   * report handler that pins only nests; if the report throws, the pin is undone before the
   * exception leaves, since the caller never received it.
   */
  private static void opened(PinState state) {
    try {
      if (FaultPoints.any()) {
        FaultPoints.reached(FaultPoints.Point.PIN_TAKEN);
      }
      begin(state);
      if (FaultPoints.any()) {
        FaultPoints.reached(FaultPoints.Point.PIN_BEGUN);
      }
      state.pushOutermost();
    } catch (Throwable t) {
      abandon(state);
      throw t;
    }
    if (state.reclaimedCpu >= 0) {
      try {
        if (FaultPoints.any()) {
          FaultPoints.reached(FaultPoints.Point.RECLAIM_REPORT);
        }
        SLOTS.reportReclaim(state);
      } catch (Throwable t) {
        unpin(state);
        throw t;
      }
    }
  }

  /** Gives back the slot of an outermost pin that failed before its level was pushed. */
  private static void abandon(PinState state) {
    int cpu = state.cpu; // left in place, as by an unpin: read only while pinned
    // The slot first: it is what others wait for. The bookkeeping may be half done; closing it
    // is harmless either way (a set removal, a null store).
    SLOTS.release(state, cpu);
    if (state.tracking) {
      AssertionMode.pinClosed(state);
    }
  }

  private static void begin(PinState state) {
    boolean tracking = AssertionMode.enabled();
    if (state.tracking != tracking) {
      state.tracking = tracking;
    }
    if (tracking) {
      AssertionMode.pinOpened(state);
    }
  }

  /**
   * Undoes one {@link #pin()} of the calling thread, whose state this is. The level is popped here,
   * with plain stores and no call, so an Error cannot leave it half popped; an outermost unpin then
   * releases the slot before anything else can throw.
   */
  public static void unpin(PinState state) {
    int level = --state.depth;
    state.serials[PinStateFields.PAD + level] = 0;
    if (level == 0) {
      unpinned(state);
    }
  }

  /**
   * As {@link #unpin}, for a level that never had a guard (a {@code with}/{@code apply} level): its
   * serial is {@code 0} already, so the pop is one store.
   */
  public static void unpinUnguarded(PinState state) {
    if (--state.depth == 0) {
      unpinned(state);
    }
  }

  /**
   * Releases the slot of a pin whose last level was just popped. An Error at the call that gets
   * here leaves the slot marked with this thread's id, which its next pin takes back (see {@link
   * SlotTable}, "Faults"), as one that cuts the release itself short does.
   */
  private static void unpinned(PinState state) {
    // state.cpu is left in place: it is read only while the thread is pinned.
    int cpu = state.cpu;
    if (FaultPoints.any()) {
      FaultPoints.reached(FaultPoints.Point.UNPIN_POPPED);
    }
    SLOTS.release(state, cpu);
    if (FaultPoints.any()) {
      FaultPoints.reached(FaultPoints.Point.UNPIN_RELEASED);
    }
    if (state.tracking) {
      AssertionMode.pinClosed(state);
    }
  }

  /**
   * Closes the calling thread's pin levels above {@code depth}, releasing the slot if that reaches
   * zero: how the runtime gets back to a known state after code left guards open.
   */
  public static void unwindTo(PinState state, int depth) {
    while (state.depth > depth) {
      unpin(state);
    }
  }

  /** A snapshot of the slot owners, indexed by CPU. */
  public static Thread[] owners() {
    Cpus.check();
    return SLOTS.owners();
  }
}
