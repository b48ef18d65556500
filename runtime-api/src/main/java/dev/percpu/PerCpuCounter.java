package dev.percpu;

import dev.percpu.internal.PinState;
import dev.percpu.internal.Pins;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * A per-CPU {@code long}: the kernel's {@code this_cpu_add}/{@code this_cpu_sub}/{@code
 * this_cpu_inc}/{@code this_cpu_dec}/{@code this_cpu_add_return} and v4's numeric per-CPU
 * operations, without boxing, usable with or without a pin, and summed over CPUs like {@link
 * java.util.concurrent.atomic.LongAdder}.
 *
 * <pre>{@code
 * static final PerCpuCounter PACKETS = PerCpuCounter.allocate();
 *
 * PACKETS.increment();                          // no pin needed for one update
 * try (CpuGuard guard = CpuGuard.pin()) {       // several updates on one CPU
 *   PACKETS.add(guard, batch);
 *   long onThisCpu = PACKETS.addAndGet(guard, 1);
 * }
 * long total = PACKETS.sum();
 * }</pre>
 *
 * <h2>Algorithm</h2>
 *
 * <p>Each CPU has two cells, 64 bytes apart in its own 128-byte block of one {@code long[]} (plus a
 * leading and a trailing block that keep the array header and the next object off the first and
 * last CPU's lines):
 *
 * <ul>
 *   <li>the <em>owned</em> cell is written only by the thread pinned to that CPU. The pinned
 *       operations and the unpinned ones on a pinned thread update it with a plain read and an
 *       opaque write: no atomic instruction, because the pin excludes every other writer and the
 *       slot hand-over orders successive owners (see {@link CpuGuard});
 *   <li>the <em>shared</em> cell takes the updates of unpinned threads, which own no CPU. It is
 *       updated atomically. Keeping these apart is what lets the owned cell go without atomics: an
 *       unpinned adder may hit any CPU at any time, so it must never write a cell that an owner
 *       updates non-atomically.
 * </ul>
 *
 * <p>An unpinned update ({@link #add(long)} and the operations built on it) first asks whether the
 * calling thread is pinned, without creating the thread's pin state: a thread that has never pinned
 * has none, so the counter allocates nothing for it, whether it is a platform or a virtual thread.
 * A pinned thread adds to its CPU's owned cell as a pinned operation does. Any other thread picks a
 * CPU from a hash of its thread id and a small <em>salt</em>, its <em>probe</em>, and tries one
 * compare-and-set on that CPU's shared cell. If the CAS fails, another unpinned thread is adding
 * there too: as {@code Striped64} advances a thread's probe, the thread moves its probe for later
 * calls by bumping its salt, and adds unconditionally ({@code getAndAdd}) at the new one, so that
 * threads that collided settle on different cells instead of contending on every update. The salt
 * cannot live in the thread (that would need per-thread state), so it lives in a table of all
 * counters indexed by the low bits of the thread id ({@code SALTS}): threads sharing an entry move
 * together, which only changes which cells they try. The table is written only after a failed CAS,
 * with plain opaque stores (a lost bump is another collision, soon repeated).
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>The owned cell of a CPU is written only by the thread pinned to that CPU, so its plain
 *       read-modify-write loses nothing; its opaque write makes the new value visible, untorn, to
 *       readers, and the slot hand-over (a release by one owner, an acquire by the next) makes each
 *       owner start from its predecessor's last value.
 *   <li>A shared cell is written only by atomic operations, so concurrent unpinned updates on any
 *       CPU lose nothing, whichever cell the probe or the random draw picks.
 *   <li>Every update lands, exactly once, in one cell, and every cell is in the sum; so the sum is
 *       exact once the updates are over and the reader has synchronised with their threads.
 * </ul>
 *
 * <p>A CPU's value is the sum of its two cells; the counter's value is the sum over CPUs.
 * Arithmetic wraps around silently, as {@code long} arithmetic and the kernel's do, so the counter
 * can also be read as an unsigned {@code long} with {@link Long#toUnsignedString(long)}.
 *
 * <h2>Reading</h2>
 *
 * <p>{@link #sum()}, {@link #get(int)} and {@link #snapshot()} need no pin. They read every cell
 * with {@code getOpaque}, so each cell's value is one that was actually written, never a torn one.
 * Like {@link java.util.concurrent.atomic.LongAdder#sum()} they are not atomic snapshots: updates
 * concurrent with the read may or may not be counted, but in the absence of concurrent updates the
 * result is exact, and once every updating thread has been joined (or otherwise synchronised with)
 * it counts all of their updates.
 */
public final class PerCpuCounter {
  private static final int STRIDE = 16;
  private static final int SHARED = 8;
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle SALT = MethodHandles.arrayElementVarHandle(int[].class);

  /** Per low bits of a thread id, how often threads with those bits moved their probe. */
  private static final int[] SALTS = new int[64];

  private final int cpus;
  private final long[] cells;

  private PerCpuCounter(int cpus) {
    this.cpus = cpus;
    // A leading and a trailing block keep the array header and whatever the JVM puts after the
    // array off the first and last CPU's lines.
    this.cells = new long[(cpus + 2) * STRIDE];
  }

  /**
   * Creates a counter that is zero on every CPU.
   *
   * @return a new counter
   */
  public static PerCpuCounter allocate() {
    return new PerCpuCounter(Pins.cpus());
  }

  private static int owned(int cpu) {
    return (cpu + 1) * STRIDE;
  }

  /** Adds to the owned cell of the caller's CPU; only its owner may call this. */
  private long addOwned(int cpu, long delta) {
    int i = owned(cpu);
    long updated = cells[i] + delta;
    CELL.setOpaque(cells, i, updated);
    return updated;
  }

  /**
   * Adds {@code delta} to the current CPU's value without requiring a pin: on a pinned thread it
   * updates that CPU's value like {@link #add(CpuGuard, long)}; otherwise it is one atomic add.
   *
   * @param delta the amount, possibly negative
   */
  public void add(long delta) {
    // Never creates the thread's pin state: a thread that has none is not pinned.
    PinState state = Pins.currentIfPresent();
    if (state != null && state.depth > 0) {
      addOwned(state.cpu, delta);
    } else {
      // As in Striped64: one CAS at the thread's probe cell; a failed one means another unpinned
      // thread adds there too, so move the probe (for this call and later ones) and add there
      // unconditionally.
      long id = threadId(Thread.currentThread());
      int entry = (int) id & (SALTS.length - 1);
      int salt = (int) SALT.getOpaque(SALTS, entry);
      int i = owned(probe(id, salt, cpus)) + SHARED;
      long current = (long) CELL.getOpaque(cells, i);
      if (!CELL.compareAndSet(cells, i, current, current + delta)) {
        SALT.setOpaque(SALTS, entry, salt + 1);
        CELL.getAndAdd(cells, owned(probe(id, salt + 1, cpus)) + SHARED, delta);
      }
    }
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  private static long threadId(Thread thread) {
    return thread.getId();
  }

  /**
   * The CPU whose shared cell an unpinned thread tries first: a hash of its id and its salt, in
   * {@code [0, cpus)}.
   */
  static int probe(long threadId, int salt, int cpus) {
    // Fibonacci hashing: one multiply spreads consecutive ids (and consecutive salts) evenly.
    long h = (threadId + salt) * 0x9E3779B97F4A7C15L;
    // The high 32 bits scaled to [0, cpus) by a multiply and a shift (Lemire's reduction), not a
    // remainder: a 64-bit division costs more than the compare-and-set this probe is for.
    return (int) (((h >>> 32) * cpus) >>> 32);
  }

  /**
   * Adds {@code delta} to the value of the CPU that {@code guard} pins.
   *
   * @param guard an open guard of the calling thread
   * @param delta the amount, possibly negative
   * @throws NullPointerException if {@code guard} is {@code null}
   * @throws IllegalStateException if {@code guard} is closed or belongs to another thread
   */
  public void add(CpuGuard guard, long delta) {
    addOwned(checked(guard), delta);
  }

  /**
   * Subtracts {@code delta}, with or without a pin; see {@link #add(long)}.
   *
   * @param delta the amount, possibly negative
   */
  public void sub(long delta) {
    add(-delta);
  }

  /**
   * Subtracts {@code delta} from the value of the CPU that {@code guard} pins.
   *
   * @param guard an open guard of the calling thread
   * @param delta the amount, possibly negative
   * @throws NullPointerException if {@code guard} is {@code null}
   * @throws IllegalStateException if {@code guard} is closed or belongs to another thread
   */
  public void sub(CpuGuard guard, long delta) {
    addOwned(checked(guard), -delta);
  }

  /** Adds one, with or without a pin; see {@link #add(long)}. */
  public void increment() {
    add(1L);
  }

  /**
   * Adds one to the value of the CPU that {@code guard} pins; see {@link #add(CpuGuard, long)}.
   *
   * @param guard an open guard of the calling thread
   */
  public void increment(CpuGuard guard) {
    addOwned(checked(guard), 1L);
  }

  /** Subtracts one, with or without a pin; see {@link #add(long)}. */
  public void decrement() {
    add(-1L);
  }

  /**
   * Subtracts one from the value of the CPU that {@code guard} pins; see {@link #add(CpuGuard,
   * long)}.
   *
   * @param guard an open guard of the calling thread
   */
  public void decrement(CpuGuard guard) {
    addOwned(checked(guard), -1L);
  }

  /**
   * Adds {@code delta} to the value of the CPU that {@code guard} pins and returns that CPU's new
   * value (the kernel's {@code this_cpu_add_return}). Unpinned adds by other threads that land on
   * this CPU concurrently are included or not, as with {@link #get(int)}.
   *
   * @param guard an open guard of the calling thread
   * @param delta the amount, possibly negative
   * @return the CPU's value after the update
   * @throws NullPointerException if {@code guard} is {@code null}
   * @throws IllegalStateException if {@code guard} is closed or belongs to another thread
   */
  public long addAndGet(CpuGuard guard, long delta) {
    int cpu = checked(guard);
    return addOwned(cpu, delta) + (long) CELL.getOpaque(cells, owned(cpu) + SHARED);
  }

  /**
   * Subtracts {@code delta} and returns the CPU's new value (the kernel's {@code
   * this_cpu_sub_return}); see {@link #addAndGet}.
   *
   * @param guard an open guard of the calling thread
   * @param delta the amount, possibly negative
   * @return the CPU's value after the update
   */
  public long subAndGet(CpuGuard guard, long delta) {
    return addAndGet(guard, -delta);
  }

  /**
   * The value of the CPU that {@code guard} pins.
   *
   * @param guard an open guard of the calling thread
   * @return the value of the guard's CPU
   * @throws NullPointerException if {@code guard} is {@code null}
   * @throws IllegalStateException if {@code guard} is closed or belongs to another thread
   */
  public long get(CpuGuard guard) {
    return get(checked(guard));
  }

  /**
   * The value of CPU {@code cpu}, read without a pin (see the class description).
   *
   * @param cpu a possible CPU
   * @return its value
   * @throws IndexOutOfBoundsException if {@code cpu} is not a possible CPU
   */
  public long get(int cpu) {
    if (cpu < 0 || cpu >= cpus) {
      throw new IndexOutOfBoundsException(
          "cpu " + cpu + " is not a possible CPU: possible CPUs are 0 to " + (cpus - 1));
    }
    int i = owned(cpu);
    return (long) CELL.getOpaque(cells, i) + (long) CELL.getOpaque(cells, i + SHARED);
  }

  /**
   * The sum of the values of all CPUs, read without a pin (see the class description).
   *
   * @return the sum, wrapping around on overflow
   */
  public long sum() {
    long sum = 0;
    for (int cpu = 0; cpu < cpus; cpu++) {
      int i = owned(cpu);
      sum += (long) CELL.getOpaque(cells, i) + (long) CELL.getOpaque(cells, i + SHARED);
    }
    return sum;
  }

  /**
   * The value of every CPU, indexed by CPU, read without a pin (see the class description).
   *
   * @return a new array of {@link CpuGuard#possibleCpus()} values
   */
  public long[] snapshot() {
    long[] values = new long[cpus];
    for (int cpu = 0; cpu < cpus; cpu++) {
      values[cpu] = get(cpu);
    }
    return values;
  }

  private static int checked(CpuGuard guard) {
    Objects.requireNonNull(guard, "guard");
    guard.checkUsable("CpuGuard passed to PerCpuCounter");
    return guard.cpu();
  }

  /** The sum, in decimal. */
  @Override
  public String toString() {
    return Long.toString(sum());
  }
}
