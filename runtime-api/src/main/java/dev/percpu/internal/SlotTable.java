package dev.percpu.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Who owns which CPU slot: the Java stand-in for "preemption is off on this CPU".
 *
 * <h2>Algorithm</h2>
 *
 * <p>Each slot holds a word: the {@link PinState#id} of its owner while owned, and minus the id of
 * its last owner (or {@code 0}, never owned) while free. A thread pins by CAS-ing a free slot to
 * its id: first its preferred slot ({@link PinState#hint}), expecting to find it as it left it,
 * then, if that is taken, every slot once starting from a rehashed position (contention-driven
 * re-homing as in {@code Striped64}); the slot it wins becomes its new preference. It unpins by a
 * <em>release</em> store of minus its id ({@code setRelease}, a plain store on x86), not a volatile
 * one: the pin's two memory operations are then one CAS and one plain store, against {@code
 * LongAdder.increment}'s one CAS. When every slot is taken the thread spins briefly ({@link
 * Thread#onSpinWait()}), then yields, then parks in a queue of {@link Waiter}s that {@link
 * #release} signals.
 *
 * <p>The owner word is a {@code long} rather than the owner {@code Thread} so that taking and
 * releasing a slot store no reference: a reference store into an array pays the collector's write
 * barrier, and G1's includes a StoreLoad fence when the array is in the old generation, which would
 * give back what the release store saves. Who the owner is (for dead-owner reclamation and leak
 * reports) is published separately in {@code holders} and {@code holderThreads}: after winning a
 * slot its new owner stores its thread and its {@link PinState} there (plain stores, see "Faults";
 * a reader needs only the state's final {@code id} and thread reference, which final-field
 * semantics publish), unless the free word it replaced was its own (then nobody has owned the slot
 * since it last published itself, so a thread that keeps re-pinning its preferred slot touches only
 * the owner word). A reader trusts a holder entry only when its id equals the owner word, and a
 * thread entry only when the holder {@linkplain PinState#belongsTo belongs to} it.
 *
 * <h2>Memory model</h2>
 *
 * <p>The release store of the free word is read by the next owner's successful CAS, which has
 * volatile (hence acquire) semantics; release/acquire orders everything the previous owner did,
 * including plain writes to that CPU's values, before everything the next owner does (the
 * ownership-transfer use of {@code VarHandle}'s release/acquire modes), so the next owner may use
 * plain reads and writes too. A slot is reclaimed from a dead owner only after {@link
 * Thread#isAlive()} returned {@code false}, and the termination of a thread happens-before another
 * thread's detecting it (JLS 17.4.4), so the dead owner's writes are visible as well.
 *
 * <h2>Wake-ups, and the one race a release store allows</h2>
 *
 * <p>Waiters wait in a queue. {@code waiting} counts the <em>armed</em> ones: those not signalled
 * since they last counted themselves. A waiter arms itself (an atomic add: a full fence on the
 * waiter's side) <em>before</em> it scans the slots and parks; a releaser stores its free word and
 * then reads the count (an opaque read), and when it is not zero signals the first armed waiter
 * that can use the slot: it disarms it (a CAS on the waiter's flag, then a decrement of the count)
 * and unparks it. A signalled waiter wakes and tries for the slot; if a barging thread took it
 * first, it backs off (a timed park, doubling each time up to {@value #MAX_PARK_MILLIS} ms, during
 * which nobody signals it) and only then re-arms itself, before it scans again. So each waiter
 * costs the releasers one unpark per wake-up, not one per release, and a thread that keeps losing
 * (more threads than slots) is woken less and less often: while every waiter is signalled or
 * backing off, a release pays only its read of a zero count, however many threads wait.
 *
 * <p>Because the release store is not followed by a StoreLoad fence, the releaser's read may be
 * performed while its store is still in its store buffer: if a waiter arms itself and scans in
 * exactly that window, the waiter does not see the free slot and the releaser does not see the
 * waiter, and that signal is lost. This is the trade-off for the cheap unpin, and only threads that
 * found every slot taken pay for it:
 *
 * <ul>
 *   <li>the park that follows arming, the one that can follow such a race, is short ({@value
 *       #FIRST_PARK_MICROS} µs); a store buffer drains in far less, so the re-scan after it sees
 *       the free slot;
 *   <li>later parks back off to at most {@value #MAX_PARK_MILLIS} ms and end earlier when
 *       signalled. By then the waiter's count has long been visible to every releaser, so on real
 *       hardware a later release sees it; the Java memory model does not promise that for opaque
 *       reads, so the time limit remains the bound on how long a missed signal can delay a waiter.
 * </ul>
 *
 * <p>A waiter that loses the slot to a barging thread backs off, re-arms and parks again (the next
 * release will signal it). A waiter that wins a slot passes the signal on when another slot is
 * free, so two releases that signal the same waiter do not strand a second one. Nothing signals
 * when an owner <em>dies</em>; the timed re-scans find the dead owner and reclaim its slot. No
 * thread ever spins without bound.
 *
 * <p>A waiter that is still waiting after the stall threshold (see {@link StallListener}) tells the
 * listener once, between a scan that won nothing and its next park: it holds no slot then, so the
 * listener may log (user code) and even pin. The uncontended path never reads the clock.
 *
 * <p>Like the default mode of most {@code java.util.concurrent} synchronizers, pinning is not fair:
 * a thread that arrives while a slot is free takes it, even if others are parked.
 *
 * <h2>Faults</h2>
 *
 * <p>An {@link Error} (a {@code StackOverflowError} at any call, an {@code OutOfMemoryError} at any
 * allocation) must never leave a slot taken by nobody's pin. The invariants:
 *
 * <ul>
 *   <li><em>Published with the win.</em> Between the CAS that wins a slot and the store that
 *       publishes its holder there is no call (the holder index is computed before the CAS, the
 *       store is a plain array store), so an owned slot's holder is always findable: {@link #owner}
 *       needs to wait only for a taker that is descheduled in that window, and is bounded even
 *       then; a dead owner is always reclaimable.
 *   <li><em>A won slot leaves only through a pin or a release.</em> {@code acquire*} return a slot
 *       or throw with none taken ({@link #park} gives back a slot it won if leaving the queue
 *       throws), and the reclaim path runs no foreign code: it only records the dead owner in the
 *       taker's state ({@code reclaimedFrom}); {@link #reportReclaim} tells the listener once the
 *       caller's pin is complete, so a listener that pins nests, and one that throws finds a
 *       complete pin that its caller ({@code Pins}) undoes.
 *   <li><em>A slot marked with one's own id, found while acquiring, is one's own.</em> Only a
 *       thread that holds no slot acquires one, so such a slot is one whose release an Error cut
 *       short (the release store is a call, and Java code cannot reserve stack for it); the thread
 *       takes it back instead of waiting for itself, and if it dies first the slot is reclaimed
 *       like any dead owner's, its holder being published.
 * </ul>
 *
 * <h2>Layout</h2>
 *
 * <p>Owner words live {@value #STRIDE} {@code long}s (128 bytes) apart, after one stride of leading
 * padding, and so do the holder entries ({@value #HOLDER_STRIDE} references), so pinning on one CPU
 * never invalidates another CPU's line.
 */
public final class SlotTable {
  static final int STRIDE = 16;
  static final int HOLDER_STRIDE = 32;

  private static final int SPINS = 64;
  private static final int YIELDS = 8;
  private static final int OWNER_YIELDS = 1024;
  static final long FIRST_PARK_MICROS = 50;
  static final long MAX_PARK_MILLIS = 16;
  private static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(FIRST_PARK_MICROS);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_PARK_MILLIS);

  private static final VarHandle OWNER = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle HOLDER = MethodHandles.arrayElementVarHandle(PinState[].class);
  private static final VarHandle WAITING;
  private static final VarHandle SIGNALLED;

  static {
    try {
      WAITING = MethodHandles.lookup().findVarHandle(SlotTable.class, "waiting", int.class);
      SIGNALLED = MethodHandles.lookup().findVarHandle(Waiter.class, "signalled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Something that wants to know when a slot was taken from a dead thread. */
  public interface DeadOwnerListener {
    /**
     * Called on the reclaiming thread after it took {@code cpu} over from {@code dead}, once its
     * pin is complete (see {@link #reportReclaim}); {@code dead} is {@code null} if that thread has
     * been collected since it died.
     */
    void reclaimed(int cpu, Thread dead, Thread reclaimer);
  }

  private final int cpus;
  private final long[] owners;
  private final PinState[] holders;

  /**
   * The threads of {@link #holders}, at the same indexes, held strongly. A state holds its thread
   * only weakly, so that {@code Pins}' cache of states retains no dead thread; the last owner of
   * each slot, though (one thread per slot at most, as before states held threads weakly), stays
   * reachable here, so that a slot whose owner died pinned still names it, in leak reports and in
   * the dead-owner report, however long ago it died. A reader trusts an entry only if the holder
   * state at its index {@linkplain PinState#belongsTo belongs to} it.
   */
  private final Thread[] holderThreads;

  private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

  /**
   * How many queued waiters are armed (not signalled since they last counted themselves): a
   * one-load test that lets {@link #release} skip the queue when nobody needs a signal (see the
   * class description for when that load can miss a waiter).
   */
  @SuppressWarnings("unused") // accessed through WAITING
  private volatile int waiting;

  /** Something that wants to know when a thread has waited long for a slot (see {@link #park}). */
  public interface StallListener {
    /**
     * Called once per wait, on the waiting thread, which holds no slot at that moment, after it has
     * waited {@code waitedNanos} for slot {@code wanted} ({@code -1}: any); {@code owners} is a
     * snapshot of the owners by CPU.
     */
    void stalled(Thread waiter, int wanted, long waitedNanos, Thread[] owners);
  }

  private final DeadOwnerListener deadOwners;
  private final boolean timedParking;
  private final StallListener stalls;

  /** After how long a waiter reports a stall; {@code 0}: never. */
  private final long stallNanos;

  /** How many times a thread parked here (slow path only): tests check that they exercised it. */
  private final AtomicLong parks = new AtomicLong();

  /** A parked thread and the slot it wants ({@code -1}: any). */
  private static final class Waiter {
    final Thread thread;
    final int wanted;

    /** Set by the releaser that signals it (or by the waiter itself as it leaves); see above. */
    volatile boolean signalled;

    Waiter(Thread thread, int wanted) {
      this.thread = thread;
      this.wanted = wanted;
    }
  }

  public SlotTable(int cpus, DeadOwnerListener deadOwners) {
    this(cpus, deadOwners, true, null, 0);
  }

  /**
   * With a stall report: a thread that has waited {@code stallNanos} for a slot ({@code 0}: never)
   * tells {@code stalls} once per wait.
   */
  public SlotTable(int cpus, DeadOwnerListener deadOwners, StallListener stalls, long stallNanos) {
    this(cpus, deadOwners, true, stalls, stallNanos);
  }

  /**
   * Without {@code timedParking} only the park that follows arming (it covers the release race) and
   * the back-off of a waiter that is not armed are timed; every other park of an armed waiter has
   * no time limit and no dead-owner re-scan. Tests use that to show that signalling alone never
   * strands an armed waiter (a lost wake-up would hang).
   */
  SlotTable(int cpus, DeadOwnerListener deadOwners, boolean timedParking) {
    this(cpus, deadOwners, timedParking, null, 0);
  }

  private SlotTable(
      int cpus,
      DeadOwnerListener deadOwners,
      boolean timedParking,
      StallListener stalls,
      long stallNanos) {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be positive, was " + cpus);
    }
    this.cpus = cpus;
    this.owners = new long[(cpus + 1) * STRIDE];
    this.holders = new PinState[(cpus + 1) * HOLDER_STRIDE];
    this.holderThreads = new Thread[(cpus + 1) * HOLDER_STRIDE];
    this.deadOwners = deadOwners;
    this.timedParking = timedParking;
    this.stalls = stalls;
    this.stallNanos = stalls == null ? 0 : Math.max(0, stallNanos);
  }

  /** The number of slots. */
  public int cpus() {
    return cpus;
  }

  private static int index(int cpu) {
    return (cpu + 1) * STRIDE;
  }

  private static int holderIndex(int cpu) {
    return (cpu + 1) * HOLDER_STRIDE;
  }

  /**
   * The current owner of {@code cpu}, or {@code null}. If the slot was just taken and its owner has
   * not yet published itself (a few instructions after its CAS), this waits for it to do so.
   */
  public Thread owner(int cpu) {
    // Bounded: the window between a CAS and the holder store holds no call (see "Faults"), so only
    // a descheduled taker is seen in it, and a snapshot must not wait for the scheduler forever.
    for (int round = 0; round < SPINS + OWNER_YIELDS; round++) {
      long id = (long) OWNER.getVolatile(owners, index(cpu));
      if (id <= 0) {
        return null;
      }
      int h = holderIndex(cpu);
      PinState holder = (PinState) HOLDER.getAcquire(holders, h);
      if (holder != null && holder.id == id) {
        Thread thread = holderThreads[h];
        if (thread != null && holder.belongsTo(thread)) {
          return thread;
        }
        // The thread entry is not yet visible: as for an unpublished holder, look again.
      }
      if (round < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return null; // taken this very moment: free in a snapshot taken an instant earlier
  }

  /**
   * Takes free slot {@code cpu}, found holding {@code free}, and records who owns it unless {@code
   * free} says the taker was its last owner.
   */
  private boolean tryTakeFree(int cpu, long free, PinState taker) {
    int holder = holderIndex(cpu);
    Thread thread = Thread.currentThread(); // the taker's; before the CAS, since nothing may follow
    if (!OWNER.compareAndSet(owners, index(cpu), free, taker.id)) {
      return false;
    }
    // Plain array stores, not calls: nothing can throw between winning the slot and publishing
    // who won it (see "Faults"). Unless the free word says the taker owned it last: then its
    // entries are still the taker's, and a pin that keeps its slot stores no reference.
    if (free != -taker.id) {
      holderThreads[holder] = thread;
      holders[holder] = taker;
    }
    return true;
  }

  /**
   * Makes {@code state}'s thread the owner of some slot and returns it. The fast path is one CAS on
   * the preferred slot.
   */
  public int acquireAny(PinState state) {
    int preferred = state.hint;
    if (OWNER.compareAndSet(owners, index(preferred), -state.id, state.id)) {
      return preferred; // as this thread left it: its holder entry is still this thread's
    }
    if ((long) OWNER.getVolatile(owners, index(preferred)) == state.id) {
      return preferred; // a slot this thread failed to give back (see "Faults"): still its own
    }
    return awaitSlot(state, -1);
  }

  /** Makes {@code state}'s thread the owner of slot {@code cpu}, waiting for its owner to leave. */
  public void acquire(PinState state, int cpu) {
    if (!OWNER.compareAndSet(owners, index(cpu), -state.id, state.id)) {
      awaitSlot(state, cpu);
    }
  }

  /**
   * Gives slot {@code cpu} up; only its owner, {@code state}'s thread, calls this. A release store,
   * then an opaque read of the waiter count: see the class description for the race this leaves and
   * how waiters bound it.
   */
  public void release(PinState state, int cpu) {
    OWNER.setRelease(owners, index(cpu), -state.id);
    if ((int) WAITING.getOpaque(this) != 0) {
      signal(cpu);
    }
  }

  /**
   * One pass over the candidate slots: takes a free one or, if {@code checkDead}, one whose owner
   * died. Returns the slot, or {@code -1}.
   */
  private int scan(PinState state, int wanted, boolean checkDead) {
    if (wanted >= 0) {
      return tryClaim(state, wanted, checkDead) ? wanted : -1;
    }
    int start = state.rehash(cpus);
    for (int k = 0; k < cpus; k++) {
      int cpu = start + k < cpus ? start + k : start + k - cpus;
      if (tryClaim(state, cpu, checkDead)) {
        state.hint = cpu;
        return cpu;
      }
    }
    return -1;
  }

  private boolean tryClaim(PinState state, int cpu, boolean checkDead) {
    long owner = (long) OWNER.getVolatile(owners, index(cpu));
    if (owner <= 0) {
      return tryTakeFree(cpu, owner, state);
    }
    if (owner == state.id) {
      // Only a thread that holds no slot acquires one, so this is a slot whose release an Error
      // cut short (see "Faults"); its holder entry is this thread's. Take it back.
      return true;
    }
    if (!checkDead) {
      return false;
    }
    int index = holderIndex(cpu);
    PinState holder = (PinState) HOLDER.getAcquire(holders, index);
    // A holder whose id differs is a previous owner: the current one is alive, between its CAS and
    // publishing itself. The liveness test asks the holder's own (weak) view of its thread, which
    // cannot be another thread's; a cleared one means the thread is dead.
    if (holder == null || holder.id != owner || holder.threadAlive()) {
      return false;
    }
    Thread dead = holderThreads[index];
    if (dead == null || !holder.belongsTo(dead)) {
      dead = holder.thread(); // the thread entry not yet visible: the state's own view, if any
    }
    Thread thread = Thread.currentThread(); // before the CAS, as in tryTakeFree
    if (!OWNER.compareAndSet(owners, index(cpu), owner, state.id)) {
      return false;
    }
    holderThreads[index] = thread; // plain stores, as in tryTakeFree
    holders[index] = state;
    // Reported by reportReclaim once the pin is complete, never here (see "Faults").
    state.reclaimedFrom = dead;
    state.reclaimedCpu = cpu;
    return true;
  }

  /**
   * Reports a slot that {@code state}'s thread took over from a dead owner, if it did, to the
   * listener; the caller's pin is complete by then, so a listener that pins only nests. The record
   * is cleared first, so a listener that throws is not called again for the same slot.
   */
  public void reportReclaim(PinState state) {
    int cpu = state.reclaimedCpu;
    if (cpu >= 0) {
      Thread dead = state.reclaimedFrom;
      state.reclaimedFrom = null;
      state.reclaimedCpu = -1;
      deadOwners.reclaimed(cpu, dead, Thread.currentThread());
    }
  }

  /**
   * The contended path, whole: spins, then yields, then parks until {@code wanted} (or, if {@code
   * -1}, any slot) is won. It is one method on purpose, and must stay larger than C2's {@code
   * FreqInlineSize} (325 bytes of bytecode; {@code SlotTableInliningTest} checks it): C2 then never
   * inlines it into {@code Pins.pin}, however hot the waiting gets. If it did, the compiled {@code
   * CpuGuard.pin} would grow past {@code InlineSmallCode}, its callers would stop inlining it, and
   * every guard it returns would escape and be allocated (40 B/op on JDK 17 at 4 threads on 2
   * slots, before this method absorbed the spin loop).
   */
  private int awaitSlot(PinState state, int wanted) {
    for (int round = 0; round < SPINS + YIELDS; round++) {
      // Thread.isAlive() is a native call: look for dead owners only now and then while spinning.
      int cpu = scan(state, wanted, (round & 15) == 0);
      if (cpu >= 0) {
        return cpu;
      }
      if (round < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    Thread thread = Thread.currentThread(); // only a state's own thread acquires for it
    Waiter self = new Waiter(thread, wanted);
    waiters.add(self);
    WAITING.getAndAdd(this, 1); // armed
    boolean interrupted = false;
    int cpu = -1;
    // Only waiters read the clock: the fast path and the spins before parking do not.
    long since = stallNanos == 0 ? 0 : System.nanoTime();
    boolean stallReported = stallNanos == 0;
    try {
      long nanos = FIRST_PARK_NANOS;
      boolean justArmed = true;
      for (; ; ) {
        cpu = scan(state, wanted, timedParking || justArmed);
        if (cpu >= 0) {
          break;
        }
        if (!stallReported) {
          long waited = System.nanoTime() - since;
          if (waited >= stallNanos) {
            stallReported = true;
            // Here the waiter holds no slot (the scan above won none), so the listener's logger
            // may run, and pin: a slot is never half taken while foreign code runs. A release
            // meanwhile leaves an unpark permit, so the park below returns at once.
            reportStall(thread, wanted, waited);
          }
        }
        parks.incrementAndGet();
        if (justArmed) {
          LockSupport.parkNanos(this, FIRST_PARK_NANOS);
        } else if (timedParking) {
          LockSupport.parkNanos(this, nanos);
          nanos = Math.min(nanos << 1, MAX_PARK_NANOS);
        } else {
          LockSupport.park(this);
        }
        // An interrupt makes park return at once; clear it so we do not spin, restore it later.
        interrupted |= Thread.interrupted();
        justArmed = false;
        if (self.signalled) {
          // A releaser disarmed us for the slot it has just freed: try for it while disarmed.
          cpu = scan(state, wanted, false);
          if (cpu >= 0) {
            break;
          }
          // A barging thread took it first. Back off before asking to be signalled again, so that
          // threads that keep losing (more threads than slots) are not woken by every release.
          LockSupport.parkNanos(this, nanos);
          nanos = Math.min(nanos << 1, MAX_PARK_NANOS);
          interrupted |= Thread.interrupted();
          // Count ourselves again before clearing the flag, so the count never goes negative.
          WAITING.getAndAdd(this, 1);
          self.signalled = false;
          justArmed = true;
        }
      }
    } finally {
      try {
        waiters.remove(self);
        // Disarm ourselves, unless a releaser did (and took us off the count) first.
        if (SIGNALLED.compareAndSet(self, false, true)) {
          WAITING.getAndAdd(this, -1);
        }
        if (interrupted) {
          thread.interrupt();
        }
        passSignalOn();
      } catch (Throwable t) {
        // An Error while leaving the queue: a slot won here must not outlive the failed acquire.
        if (cpu >= 0) {
          release(state, cpu);
        }
        throw t;
      }
    }
    return cpu;
  }

  private void reportStall(Thread waiter, int wanted, long waited) {
    try {
      stalls.stalled(waiter, wanted, waited, owners());
    } catch (RuntimeException brokenReport) {
      // A report that fails must not fail the pin that is waiting.
    }
  }

  /** Unparks the first armed waiter that can use {@code cpu}, disarming it. */
  private void signal(int cpu) {
    for (Waiter w : waiters) {
      if ((w.wanted < 0 || w.wanted == cpu) && SIGNALLED.compareAndSet(w, false, true)) {
        WAITING.getAndAdd(this, -1);
        LockSupport.unpark(w.thread);
        return;
      }
    }
  }

  /** After leaving the queue: if slots are free and others wait, make sure someone is awake. */
  private void passSignalOn() {
    if (waiters.isEmpty()) {
      return;
    }
    for (int cpu = 0; cpu < cpus; cpu++) {
      if ((long) OWNER.getVolatile(owners, index(cpu)) <= 0) {
        signal(cpu);
      }
    }
  }

  /** How many times threads have parked waiting for a slot of this table. */
  long parks() {
    return parks.get();
  }

  /** A snapshot of the owners, indexed by CPU ({@code null}: free), for leak reports. */
  public Thread[] owners() {
    Thread[] snapshot = new Thread[cpus];
    for (int cpu = 0; cpu < cpus; cpu++) {
      snapshot[cpu] = owner(cpu);
    }
    return snapshot;
  }
}
