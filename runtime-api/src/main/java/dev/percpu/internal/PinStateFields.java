package dev.percpu.internal;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fields of {@link PinState}, in a class of their own so that padding can surround them: the
 * JVM lays out a superclass's fields before a subclass's, so {@link CacheLinePadding} above and
 * {@link PinState}'s own padding below keep the fields that the hot path writes on every pin off
 * the cache lines of whatever objects the JVM places next to this one (after a copying collection,
 * typically another thread's {@code PinState}).
 */
abstract class PinStateFields extends CacheLinePadding {
  private static final AtomicLong IDS = new AtomicLong();

  /**
   * The two per-thread arrays that the hot path writes ({@link #serials}, {@link #entered}) are
   * objects of their own, so they are padded the same way: element {@code k} lives at {@code PAD +
   * k}, with {@code PAD} unused {@code long}s (128 bytes) on each side.
   */
  static final int PAD = 16;

  static long[] padded(int capacity) {
    return new long[PAD + capacity + PAD];
  }

  static int capacity(long[] padded) {
    return padded.length - 2 * PAD;
  }

  static long[] grown(long[] padded) {
    long[] bigger = padded(2 * capacity(padded));
    System.arraycopy(padded, PAD, bigger, PAD, capacity(padded));
    return bigger;
  }

  /**
   * Names this state (and so its thread) in the slot table's owner words: unique for the life of
   * the JVM and positive, unlike thread ids, which may be reused once a thread has died. A
   * primitive owner word needs no garbage-collector write barrier.
   */
  public final long id = IDS.incrementAndGet();

  /**
   * The thread this state belongs to, held weakly: {@code Pins}' cache and the slot table's holder
   * entries hold states strongly, and must not keep a dead thread (nor its context class loader)
   * reachable. A live thread is always reachable, so this is cleared only once the thread has died.
   */
  private final WeakReference<Thread> thread;

  /**
   * The CPU slot owned while {@link #depth} is positive. It is read only then: an unpin leaves it
   * in place (so a thread that keeps re-pinning one slot stores nothing here), and before the first
   * pin it is {@code -1}.
   */
  public int cpu = -1;

  /**
   * How many pins (guards or convenience entries) are open: nested pins only count. Raised only
   * through {@link PinState#push()} and {@link PinState#pushOutermost()}; lowered by {@link
   * PinState#pop()} and {@code Pins}' unpins, each with one plain store.
   */
  public int depth;

  /**
   * For each open pin level, the serial number of the guard opened at that level, or {@code 0} for
   * a pin without a guard (a convenience {@code with}). A guard is open exactly while its serial is
   * still at its level, which makes guards immutable: nothing of theirs needs writing, so a guard
   * that the JIT cannot see closed on every path still does not have to exist.
   */
  long[] serials = padded(8);

  long lastSerial;

  /**
   * How many entering closures run on this thread (a guard must not close under one): the height of
   * {@link #entered}.
   */
  public int entries;

  /**
   * The {@link Allocation#id} of the outermost closure running on this thread, if {@link #entries}
   * is not {@code 0}. Kept out of {@link #entered} because almost every entry is an outermost one:
   * then the check is a store to a field of this object, with no array to load and bound.
   */
  long outerEntered;

  /**
   * The {@link Allocation#id}s of the closures running on this thread inside the outermost one, at
   * their levels (index {@code 0}, the outermost, is {@link #outerEntered}): all on {@link #cpu},
   * since a thread inside a closure is pinned. The nesting check searches both.
   */
  long[] entered = padded(8);

  /** In assertion mode, where each entry of {@link #entered} began; otherwise never allocated. */
  String[] enteredAt;

  /**
   * The slot to try first on the next pin (unpinned counter updates do not use it: they need no
   * state). It starts from a hash of the thread id and moves, like {@code Striped64}'s probe,
   * whenever the preferred slot is found taken, so threads that collide spread out and then stay
   * where they landed.
   */
  int hint;

  /** Xorshift state used to pick a new {@link #hint} after contention. */
  int probe;

  /**
   * How many of the innermost pin levels are owed an unpin: a {@code with}/{@code apply} (or {@code
   * onEachCpu}) on its way out had its call into the unpin fail before the unpin began, with a
   * {@code StackOverflowError}, which leaves the pin whole and consistent but with nobody left to
   * close it. The entering method records the debt with a plain store in its own frame (no call, so
   * nothing there can overflow), and {@code Pins} pays it, before anything else, at the thread's
   * next pin or close, when the stack has unwound. Nothing runs on the thread in between that could
   * change the depth without going through one of those.
   */
  public int owedUnpins;

  /** Whether assertion mode was on when the outermost pin began: it governs the whole pin. */
  public boolean tracking;

  /**
   * The dead thread whose slot this thread's current pin took over, if it is still known, until
   * {@code Pins} reports it once the pin is complete. Set by the slot table with a plain store.
   */
  Thread reclaimedFrom;

  /**
   * The slot taken over from {@link #reclaimedFrom} until it is reported; {@code -1} otherwise: the
   * test of whether there is a report to make, since the dead thread may be unknown.
   */
  int reclaimedCpu = -1;

  /** Where the outermost pin began; written only while {@link #tracking}, read by leak reports. */
  public volatile String pinnedAt;

  PinStateFields(Thread thread) {
    this.thread = new WeakReference<>(thread);
  }

  /**
   * The thread this state belongs to, or {@code null} once that thread has died and been collected.
   */
  public final Thread thread() {
    return thread.get();
  }

  /**
   * Whether this state belongs to {@code t}. A {@link WeakReference#refersTo} test, which unlike
   * {@code get()} needs no garbage-collector barrier: the hot path's identity check.
   */
  public final boolean belongsTo(Thread t) {
    return thread.refersTo(t);
  }

  /**
   * Whether this state's thread is alive: the slot table's dead-owner test, and the cache's test
   * for an entry that may be taken over. A state is made by its own running thread, so its thread
   * is never a not-yet-started one: not alive means terminated.
   */
  final boolean threadAlive() {
    Thread t = thread.get();
    return t != null && t.isAlive();
  }
}
