package dev.percpu.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Who owns which CPU slot: the Java stand-in for "preemption is off on this CPU".
 *
 * <h2>Algorithm</h2>
 *
 * <p>Each slot holds its owner {@code Thread} or {@code null}. A thread pins by CAS-ing a slot from
 * {@code null} to itself, first its preferred slot ({@link PinState#hint}), then, if that is taken,
 * every slot once starting from a rehashed position (contention-driven re-homing as in {@code
 * Striped64}); the slot it wins becomes its new preference. It unpins by a volatile write of {@code
 * null}. When every slot is taken the thread spins briefly ({@link Thread#onSpinWait()}), then
 * yields, then parks in a queue of {@link Waiter}s that {@link #release} signals.
 *
 * <h2>Memory model</h2>
 *
 * <p>The releasing volatile write of {@code null} happens-before the successful CAS of the next
 * owner that reads it, so everything the previous owner wrote to that CPU's values (plain writes)
 * is visible to the next owner, which may therefore use plain reads and writes too. A slot is
 * reclaimed from a dead owner only after {@link Thread#isAlive()} returned {@code false}, and the
 * termination of a thread happens-before another thread's detecting it (JLS 17.4.4), so the dead
 * owner's writes are visible as well.
 *
 * <h2>No lost wake-ups</h2>
 *
 * <p>A waiter enqueues itself <em>before</em> its last scan of the slots, and a releaser writes
 * {@code null} <em>before</em> it looks at the queue; all of these are volatile or CAS accesses,
 * hence totally ordered, so either the waiter's scan sees the free slot or the releaser sees the
 * waiter and unparks the first one that can use the slot. A woken waiter that loses the slot to a
 * barging thread parks again (that slot's next release will signal). A waiter that wins a slot
 * passes the signal on when another slot is free, so two releases that signal the same waiter do
 * not strand a second one. As a last line of defence, and because nothing signals when an owner
 * <em>dies</em>, parking is timed (backing off from 1 ms to 64 ms): a waiter eventually re-scans,
 * finds a dead owner and reclaims its slot. No thread ever spins without bound.
 *
 * <p>Like the default mode of most {@code java.util.concurrent} synchronizers, pinning is not
 * fair: a thread that arrives while a slot is free takes it, even if others are parked.
 *
 * <h2>Layout</h2>
 *
 * <p>Owners live {@value #STRIDE} references apart (128 bytes with compressed references), after
 * one stride of leading padding, so pinning on one CPU never invalidates another CPU's line.
 */
public final class SlotTable {
  static final int STRIDE = 32;

  private static final int SPINS = 64;
  private static final int YIELDS = 8;
  private static final long FIRST_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(64);

  private static final VarHandle OWNER = MethodHandles.arrayElementVarHandle(Thread[].class);
  private static final VarHandle WAITING;

  static {
    try {
      WAITING = MethodHandles.lookup().findVarHandle(SlotTable.class, "waiting", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Something that wants to know when a slot was taken from a dead thread. */
  public interface DeadOwnerListener {
    /** Called on the reclaiming thread after it took {@code cpu} over from {@code dead}. */
    void reclaimed(int cpu, Thread dead, Thread reclaimer);
  }

  private final int cpus;
  private final Thread[] owners;
  private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

  /**
   * How many threads are in {@link #park}, raised before they enqueue: a one-load test that lets
   * {@link #release} skip the queue when nobody waits. A releaser that sees zero wrote its
   * {@code null} before that read, and the waiter raised the count before its scan, so the scan
   * sees the free slot (the same ordering argument as for the queue itself).
   */
  @SuppressWarnings("unused") // accessed through WAITING
  private volatile int waiting;
  private final DeadOwnerListener deadOwners;
  private final boolean timedParking;

  /** A parked thread and the slot it wants ({@code -1}: any). */
  private static final class Waiter {
    final Thread thread;
    final int wanted;

    Waiter(Thread thread, int wanted) {
      this.thread = thread;
      this.wanted = wanted;
    }
  }

  public SlotTable(int cpus, DeadOwnerListener deadOwners) {
    this(cpus, deadOwners, true);
  }

  /**
   * Without {@code timedParking} waiters park with no time limit and no dead-owner re-scan: tests
   * use that to show that signalling alone never strands a waiter (a lost wake-up would hang).
   */
  SlotTable(int cpus, DeadOwnerListener deadOwners, boolean timedParking) {
    if (cpus < 1) {
      throw new IllegalArgumentException("cpus must be positive, was " + cpus);
    }
    this.cpus = cpus;
    this.owners = new Thread[(cpus + 1) * STRIDE];
    this.deadOwners = deadOwners;
    this.timedParking = timedParking;
  }

  /** The number of slots. */
  public int cpus() {
    return cpus;
  }

  private static int index(int cpu) {
    return (cpu + 1) * STRIDE;
  }

  /** The current owner of {@code cpu}, or {@code null}; a volatile read. */
  public Thread owner(int cpu) {
    return (Thread) OWNER.getVolatile(owners, index(cpu));
  }

  private boolean tryTake(int cpu, Thread expected, Thread taker) {
    return OWNER.compareAndSet(owners, index(cpu), expected, taker);
  }

  /**
   * Makes {@code state}'s thread the owner of some slot and returns it. The fast path is one CAS on
   * the preferred slot.
   */
  public int acquireAny(PinState state) {
    int preferred = state.hint;
    if (tryTake(preferred, null, state.thread)) {
      return preferred;
    }
    return acquireSlow(state, -1);
  }

  /** Makes {@code state}'s thread the owner of slot {@code cpu}, waiting for its owner to leave. */
  public void acquire(PinState state, int cpu) {
    if (!tryTake(cpu, null, state.thread)) {
      acquireSlow(state, cpu);
    }
  }

  /**
   * Gives slot {@code cpu} up. Only its owner calls this. The write is volatile (not merely
   * release) because it must be ordered before the read of the waiter count that follows.
   */
  public void release(int cpu) {
    OWNER.setVolatile(owners, index(cpu), null);
    if (waiting != 0) {
      signal(cpu);
    }
  }

  private int acquireSlow(PinState state, int wanted) {
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
    return park(state, wanted);
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
    Thread owner = owner(cpu);
    if (owner == null) {
      return tryTake(cpu, null, state.thread);
    }
    if (checkDead
        && owner != state.thread
        && !owner.isAlive()
        && tryTake(cpu, owner, state.thread)) {
      deadOwners.reclaimed(cpu, owner, state.thread);
      return true;
    }
    return false;
  }

  private int park(PinState state, int wanted) {
    Waiter self = new Waiter(state.thread, wanted);
    WAITING.getAndAdd(this, 1);
    waiters.add(self);
    boolean interrupted = false;
    try {
      long nanos = FIRST_PARK_NANOS;
      for (; ; ) {
        int cpu = scan(state, wanted, true);
        if (cpu >= 0) {
          return cpu;
        }
        if (timedParking) {
          LockSupport.parkNanos(this, nanos);
          nanos = Math.min(nanos << 1, MAX_PARK_NANOS);
        } else {
          LockSupport.park(this);
        }
        // An interrupt makes park return at once; clear it so we do not spin, restore it later.
        interrupted |= Thread.interrupted();
      }
    } finally {
      waiters.remove(self);
      WAITING.getAndAdd(this, -1);
      if (interrupted) {
        state.thread.interrupt();
      }
      passSignalOn();
    }
  }

  /** Unparks the first waiter that can use {@code cpu}. */
  private void signal(int cpu) {
    for (Waiter w : waiters) {
      if (w.wanted < 0 || w.wanted == cpu) {
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
      if (owner(cpu) == null) {
        signal(cpu);
      }
    }
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
