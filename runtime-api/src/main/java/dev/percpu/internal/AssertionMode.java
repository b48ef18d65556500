package dev.percpu.internal;

import dev.percpu.PerCpuViolation;
import dev.percpu.PinnedSlot;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of assertion mode: the switch, the record of violations and the set of open pins.
 *
 * <p>Cost when off: nothing measurable. The switch is read when an outermost pin begins (the answer
 * is kept in {@link PinState#tracking} for the whole pin), when a handle is made, and on the paths
 * that are about to throw. It lives in a {@link MutableCallSite} whose target is a constant, so
 * compiled code folds the read to a constant and is deoptimised on the rare change ({@link
 * MutableCallSite#syncAll} makes the change visible to every thread), the way {@code invokedynamic}
 * call sites are rebound.
 */
public final class AssertionMode {
  /** The system property that turns assertion mode on at start-up. */
  public static final String PROPERTY = "percpu.assertions";

  /** Bounds the record: a program that swallows violations in a loop must not exhaust memory. */
  static final int MAX_RECORDED = 10_000;

  private static final System.Logger LOG = System.getLogger("dev.percpu");

  private static final MutableCallSite SWITCH =
      new MutableCallSite(MethodHandles.constant(boolean.class, Boolean.getBoolean(PROPERTY)));
  private static final MethodHandle ENABLED = SWITCH.dynamicInvoker();

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final ConcurrentLinkedQueue<PerCpuViolation> RECORD =
      new ConcurrentLinkedQueue<>();
  private static final AtomicInteger RECORDED = new AtomicInteger();

  /** Each open pin begun in assertion mode, with its number among all such pins (never reused). */
  private static final ConcurrentHashMap<PinState, Long> OPEN_PINS = new ConcurrentHashMap<>();

  private static final AtomicLong PIN_SEQUENCE = new AtomicLong();

  private AssertionMode() {}

  /** Whether assertion mode is on. */
  public static boolean enabled() {
    return read(ENABLED);
  }

  /**
   * Invokes a switch handle. A constant handle throws nothing checked, but the invocation can still
   * fail with a {@link StackOverflowError}, an {@link OutOfMemoryError} or an asynchronous {@code
   * ThreadDeath}: those pass through unchanged so that callers (and the fault handling around pins)
   * see the real failure, not an {@link AssertionError} hiding it. Package-private for the test.
   */
  static boolean read(MethodHandle handle) {
    try {
      return (boolean) handle.invokeExact();
    } catch (RuntimeException | Error unchecked) {
      throw unchecked;
    } catch (Throwable impossible) {
      throw new AssertionError("a switch handle threw a checked exception", impossible);
    }
  }

  /** Switches assertion mode; synchronised so that concurrent switches cannot interleave. */
  public static synchronized void setEnabled(boolean on) {
    if (on) {
      // Here rather than at the first pin: the caller holds no slot while JFR starts.
      BlockingDetection.ensureStarted();
      BlockingDetection.logNoticeOnce();
    }
    if (enabled() != on) {
      SWITCH.setTarget(MethodHandles.constant(boolean.class, on));
      MutableCallSite.syncAll(new MutableCallSite[] {SWITCH});
    }
  }

  /** The sequence number of the last violation recorded so far. */
  public static long checkpoint() {
    return SEQUENCE.get();
  }

  /**
   * Records a violation (when the mode is on) and returns the exception for the caller to throw, so
   * that a violation is on the record even if the exception is caught and swallowed.
   */
  public static <X extends RuntimeException> X violation(PerCpuViolation.Kind kind, X exception) {
    if (enabled()) {
      record(kind, Thread.currentThread(), exception.getMessage());
    }
    return exception;
  }

  private static void record(PerCpuViolation.Kind kind, Thread thread, String message) {
    recordObserved(kind, ThreadNames.of(thread), message);
  }

  /**
   * Records a violation that another thread observed (the blocking watch, a stall report), whatever
   * the mode is now: the caller knows the violation happened under assertion mode.
   */
  static void recordObserved(PerCpuViolation.Kind kind, String thread, String message) {
    PerCpuViolation v = new PerCpuViolation(SEQUENCE.incrementAndGet(), kind, thread, message);
    RECORD.add(v);
    if (RECORDED.incrementAndGet() > MAX_RECORDED) {
      RECORD.poll();
      RECORDED.decrementAndGet();
    }
  }

  /** The recorded violations with a sequence number above {@code checkpoint}, oldest first. */
  public static List<PerCpuViolation> violationsSince(long checkpoint) {
    List<PerCpuViolation> since = new ArrayList<>();
    for (PerCpuViolation v : RECORD) {
      if (v.sequence() > checkpoint) {
        since.add(v);
      }
    }
    return Collections.unmodifiableList(since);
  }

  /** Forgets every recorded violation. */
  public static void clear() {
    PerCpuViolation v;
    while ((v = RECORD.poll()) != null) {
      RECORDED.decrementAndGet();
    }
  }

  static void pinOpened(PinState state) {
    state.pinnedAt = CallerFrame.capture();
    long pin = PIN_SEQUENCE.incrementAndGet();
    OPEN_PINS.put(state, pin);
    // Last: the pin's interval for the blocking watch excludes the bookkeeping above (a contended
    // map bin is a monitor enter, and it is the runtime's, not the program's).
    BlockingDetection.pinOpened(state, pin);
  }

  /** Called once the slot was released (or given back by a pin that failed). */
  static void pinClosed(PinState state) {
    Long pin = OPEN_PINS.get(state);
    if (pin != null) {
      // First, for the same reason as in pinOpened, and before the removal (see
      // BlockingDetection.sync).
      BlockingDetection.pinClosed(pin);
    }
    OPEN_PINS.remove(state);
    state.pinnedAt = null;
    // The slot is free: the one place of a pin where the notice's logger may run.
    BlockingDetection.logNoticeOnce();
  }

  /** Whether some pin begun in assertion mode is still open. */
  static boolean anyOpenPin() {
    return !OPEN_PINS.isEmpty();
  }

  /** The slot table's report of a reclaimed slot: a violation in assertion mode, else a warning. */
  static void deadOwnerReclaimed(int cpu, Thread dead, Thread reclaimer) {
    // A dead thread that has been collected is null here, as is every such state's thread.
    OPEN_PINS.keySet().removeIf(s -> s.thread() == dead);
    String message =
        "CPU "
            + cpu
            + " was still pinned by thread \""
            + ThreadNames.of(dead)
            + "\", which died without closing its CpuGuard; thread \""
            + ThreadNames.of(reclaimer)
            + "\" reclaimed the slot";
    if (enabled()) {
      record(PerCpuViolation.Kind.DEAD_OWNER_RECLAIMED, reclaimer, message);
    } else {
      LOG.log(Level.WARNING, message);
    }
  }

  /** Every slot owned right now, with where its pin began when that was recorded. */
  public static List<PinnedSlot> pinnedSlots(Thread[] owners) {
    List<PinnedSlot> pinned = new ArrayList<>();
    for (int cpu = 0; cpu < owners.length; cpu++) {
      Thread owner = owners[cpu];
      if (owner == null) {
        continue;
      }
      String at = "an unrecorded place (assertion mode was off)";
      long pin = 0;
      for (Map.Entry<PinState, Long> open : OPEN_PINS.entrySet()) {
        PinState s = open.getKey();
        String where = s.pinnedAt;
        if (s.belongsTo(owner) && where != null) {
          at = where;
          pin = open.getValue();
        }
      }
      pinned.add(
          new PinnedSlot(cpu, ThreadNames.of(owner), threadId(owner), pin, owner.isAlive(), at));
    }
    return Collections.unmodifiableList(pinned);
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  private static long threadId(Thread thread) {
    return thread.getId();
  }
}
