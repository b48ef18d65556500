package dev.percpu.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one thread knows about its own pin. Only its thread reads or writes the mutable fields (the
 * slot table publishes ownership separately), so they are plain fields. The hot path reads
 * {@link #id}, {@link #cpu}, {@link #depth}, {@link #entries} and {@link #tracking} from this one
 * small object (about a cache line), which its thread found with a single {@code ThreadLocal} look-up.
 */
public final class PinState {
  private static final AtomicLong IDS = new AtomicLong();

  /**
   * Names this state (and so its thread) in the slot table's owner words: unique for the life of
   * the JVM and positive, unlike thread ids, which may be reused once a thread has died. A
   * primitive owner word needs no garbage-collector write barrier.
   */
  public final long id = IDS.incrementAndGet();

  /** The thread this state belongs to. */
  public final Thread thread;

  /** The CPU slot owned while {@link #depth} is positive; {@code -1} otherwise. */
  public int cpu = -1;

  /**
   * How many pins (guards or convenience entries) are open: nested pins only count. Changed only
   * through {@link #push()} and {@link #pop()}.
   */
  public int depth;

  /**
   * For each open pin level, the serial number of the guard opened at that level, or {@code 0}
   * for a pin without a guard (a convenience {@code with}). A guard is open exactly while its
   * serial is still at its level, which makes guards immutable: nothing of theirs needs writing,
   * so a guard that the JIT cannot see closed on every path still does not have to exist.
   */
  private long[] serials = new long[8];

  private long lastSerial;

  /**
   * How many entering closures run on this thread (a guard must not close under one): the height of
   * {@link #entered}.
   */
  public int entries;

  /**
   * The {@link Allocation#id}s of the closures running on this thread, outermost first: all on
   * {@link #cpu}, since a thread inside a closure is pinned. The nesting check searches it.
   */
  private long[] entered = new long[8];

  /** In assertion mode, where each entry of {@link #entered} began; otherwise never allocated. */
  private String[] enteredAt;

  /**
   * The slot to try first on the next pin. It starts from a hash of the thread id and moves, like
   * {@code Striped64}'s probe, whenever the preferred slot is found taken, so threads that collide
   * spread out and then stay where they landed.
   */
  int hint;

  /** Xorshift state used to pick a new {@link #hint} after contention. */
  private int probe;

  /** Whether assertion mode was on when the outermost pin began: it governs the whole pin. */
  public boolean tracking;

  /** Where the outermost pin began; written only while {@link #tracking}, read by leak reports. */
  public volatile String pinnedAt;

  PinState(Thread thread, int cpus) {
    this.thread = thread;
    long id = thread.getId();
    int mixed = (int) ((id * 0x9E3779B97F4A7C15L) >>> 32);
    this.probe = mixed == 0 ? 1 : mixed;
    this.hint = Math.floorMod(mixed, cpus);
  }

  /**
   * Opens one pin level (without a guard yet). Levels at or above {@link #depth} always hold serial
   * {@code 0} ({@link #pop()} clears them), so there is nothing to write.
   */
  void push() {
    if (depth == serials.length) {
      serials = Arrays.copyOf(serials, depth * 2);
    }
    depth++;
  }

  /** Closes the innermost pin level and returns the new depth. */
  int pop() {
    serials[--depth] = 0;
    return depth;
  }

  /** Gives the innermost pin level a guard, and returns the guard's serial number. */
  public long registerGuard() {
    long serial = ++lastSerial;
    serials[depth - 1] = serial;
    return serial;
  }

  /** Whether the guard with {@code serial}, opened at pin level {@code level}, is still open. */
  public boolean isOpen(int level, long serial) {
    return depth >= level && serials[level - 1] == serial;
  }

  /** Whether a closure of the allocation with this id is running on this thread. */
  boolean isEntered(long allocation) {
    long[] e = entered;
    for (int k = entries - 1; k >= 0; k--) {
      if (e[k] == allocation) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pushes an entry of the allocation with this id at {@code level} ({@link #entries}); {@code
   * site} is where it began, recorded only in assertion mode ({@code null} otherwise).
   */
  void enter(int level, long allocation, String site) {
    if (level == entered.length) {
      entered = Arrays.copyOf(entered, level * 2);
    }
    entered[level] = allocation;
    if (site != null) {
      if (enteredAt == null || level >= enteredAt.length) {
        enteredAt = Arrays.copyOf(enteredAt == null ? new String[0] : enteredAt, entered.length);
      }
      enteredAt[level] = site;
    }
    entries = level + 1;
  }

  /** Pops the entries down to {@code level}, as they were before the matching {@link #enter}. */
  void leave(int level) {
    entries = level;
    // Only on threads that have ever entered in assertion mode.
    if (enteredAt != null && level < enteredAt.length) {
      enteredAt[level] = null;
    }
  }

  /** Where the running entry of the allocation with this id began, if recorded. */
  String entrySite(long allocation) {
    for (int k = entries - 1; k >= 0; k--) {
      if (entered[k] == allocation) {
        return enteredAt != null && k < enteredAt.length ? enteredAt[k] : null;
      }
    }
    return null;
  }

  /** The CPU this thread tries first, for pins and for unpinned counter updates. */
  public int preferredCpu() {
    return hint;
  }

  /** Moves the preferred CPU after contention there, and returns the new one. */
  public int movePreferredCpu(int cpus) {
    int moved = rehash(cpus);
    hint = moved;
    return moved;
  }

  /** Advances the probe and returns a fresh starting slot in {@code [0, cpus)}. */
  int rehash(int cpus) {
    int p = probe;
    p ^= p << 13;
    p ^= p >>> 17;
    p ^= p << 5;
    probe = p;
    return Math.floorMod(p, cpus);
  }
}
