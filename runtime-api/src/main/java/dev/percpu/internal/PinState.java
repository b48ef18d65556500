package dev.percpu.internal;

import java.util.Arrays;

/**
 * What one thread knows about its own pin. Only its thread reads or writes the mutable fields (the
 * slot table publishes ownership separately), so they are plain fields. The hot path reads {@link
 * #id}, {@link #cpu}, {@link #depth}, {@link #entries} and {@link #tracking} from this one object,
 * which its thread finds through {@code Pins}' cache or thread-local, and writes the depth and the
 * entry count (a guard or a nested entry also writes one of its two small arrays); all three are
 * padded (see {@link PinStateFields}) so that no other thread's data shares their cache lines.
 */
public final class PinState extends PinStateFields {
  // 128 bytes after the fields (see PinStateFields). Never read or written.
  @SuppressWarnings("unused")
  private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;

  PinState(Thread thread, int cpus) {
    super(thread);
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
    if (depth == capacity(serials)) {
      serials = grown(serials);
    }
    depth++;
  }

  /**
   * Opens the first pin level: as {@link #push()}, without its capacity check, since there is
   * always room for one.
   */
  void pushOutermost() {
    depth = 1;
  }

  /** Closes the innermost pin level and returns the new depth. */
  int pop() {
    int level = --depth;
    serials[PAD + level] = 0;
    return level;
  }

  /** Gives the innermost pin level a guard, and returns the guard's serial number. */
  public long registerGuard() {
    long serial = ++lastSerial;
    serials[PAD + depth - 1] = serial;
    return serial;
  }

  /** Whether the guard with {@code serial}, opened at pin level {@code level}, is still open. */
  public boolean isOpen(int level, long serial) {
    return depth >= level && serials[PAD + level - 1] == serial;
  }

  /** Whether a closure of the allocation with this id is running on this thread. */
  boolean isEntered(long allocation) {
    for (int k = entries - 1; k >= 0; k--) {
      if (idEnteredAt(k) == allocation) {
        return true;
      }
    }
    return false;
  }

  /** The id of the allocation entered at {@code level}, which must be below {@link #entries}. */
  private long idEnteredAt(int level) {
    return level == 0 ? outerEntered : entered[PAD + level];
  }

  /**
   * Pushes an entry of the allocation with this id at {@code level} ({@link #entries}); {@code
   * site} is where it began, recorded only in assertion mode ({@code null} otherwise).
   */
  void enter(int level, long allocation, String site) {
    if (level == 0) {
      if (outerEntered != allocation) { // a loop over one allocation finds its id already there
        outerEntered = allocation;
      }
    } else {
      if (level == capacity(entered)) {
        entered = grown(entered);
      }
      entered[PAD + level] = allocation;
    }
    if (site != null) {
      if (enteredAt == null || level >= enteredAt.length) {
        enteredAt = Arrays.copyOf(enteredAt == null ? new String[0] : enteredAt, capacity(entered));
      }
      enteredAt[level] = site;
    }
    if (FaultPoints.any()) {
      FaultPoints.reached(FaultPoints.Point.ENTER);
    }
    // Last, so that an Error above (an OutOfMemoryError growing the arrays) leaves no entry.
    entries = level + 1;
  }

  /**
   * Clears what the entry at {@code level} recorded in assertion mode. {@code Allocation} has
   * already popped the entry itself ({@link #entries} back to {@code level}, a plain store before
   * any call), so that an Error at this call cannot leave the entry on the stack.
   */
  void leave(int level) {
    // A site was recorded only if the pin is tracked, which holds for the whole pin.
    if (tracking && enteredAt != null && level < enteredAt.length) {
      enteredAt[level] = null;
    }
  }

  /** Where the running entry of the allocation with this id began, if recorded. */
  String entrySite(long allocation) {
    for (int k = entries - 1; k >= 0; k--) {
      if (idEnteredAt(k) == allocation) {
        return enteredAt != null && k < enteredAt.length ? enteredAt[k] : null;
      }
    }
    return null;
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
