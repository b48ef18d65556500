package dev.percpu.internal;

/**
 * What one thread knows about its own pin. Only its thread reads or writes the fields (the slot
 * table publishes ownership separately), so they are plain fields.
 */
public final class PinState {
  /** The thread this state belongs to. */
  public final Thread thread;

  /** The CPU slot owned while {@link #depth} is positive; {@code -1} otherwise. */
  public int cpu = -1;

  /** How many pins (guards or convenience entries) are open: nested pins only count. */
  public int depth;

  /** How many entering closures run on this thread (a guard must not close under one). */
  public int entries;

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
