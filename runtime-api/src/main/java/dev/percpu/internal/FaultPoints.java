package dev.percpu.internal;

/**
 * Test-only fault injection: throws an {@link Error} at a named point of pin, unpin, enter, exit or
 * the dead-owner report, where a real {@code StackOverflowError} or {@code OutOfMemoryError} could
 * strike, so that tests can show that every path that takes a slot gives it back.
 *
 * <p>Nothing in a program arms it: only tests in this package can ({@link #arm} is
 * package-private), and only in a JVM started with {@code -Dpercpu.faultInjection=true} (the
 * runtime's test configuration sets it). Without that property {@link #any()} is a constant {@code
 * false} that the JIT folds away, so the points cost a program nothing, not even a volatile read.
 */
public final class FaultPoints {
  /** The named points, in the order a pin, an entry and an unpin pass them. */
  public enum Point {
    /** A slot was won (and its holder published); the pin is not yet begun. */
    PIN_TAKEN,
    /** The pin was begun (assertion-mode bookkeeping); its level is not yet pushed. */
    PIN_BEGUN,
    /** {@code Pins.pin} returned; {@code CpuGuard.pin} has not yet made its guard. */
    PIN_GUARD,
    /** An entry is about to be pushed on the thread's stack of running closures. */
    ENTER,
    /** An entry was popped; the assertion-mode site of that entry is not yet cleared. */
    EXIT,
    /**
     * A {@code with}/{@code apply}/{@code onEachCpu} is about to call into its unpin: an Error here
     * is what a stack overflow at that very call does, before the unpin begins.
     */
    UNPIN_CALL,
    /** The outermost level was popped; the slot is not yet released. */
    UNPIN_POPPED,
    /** The slot was released; the assertion-mode bookkeeping is not yet closed. */
    UNPIN_RELEASED,
    /** A slot taken over from a dead owner is about to be reported (where user code runs). */
    RECLAIM_REPORT
  }

  /** The error thrown at an armed point. */
  static final class InjectedFault extends Error {
    private static final long serialVersionUID = 1L;

    InjectedFault(Point point) {
      super("injected fault at " + point);
    }
  }

  /** Whether points can be armed at all: the system property, read once. */
  private static final boolean ENABLED = Boolean.getBoolean("percpu.faultInjection");

  /** The armed point, or {@code null}; read on every pass only when {@link #ENABLED}. */
  static volatile Point armed;

  private FaultPoints() {}

  /** Arms {@code point} for one hit on any thread ({@code null}: disarms). */
  static void arm(Point point) {
    if (point != null && !ENABLED) {
      throw new IllegalStateException(
          "fault injection is off: run with -Dpercpu.faultInjection=true to arm " + point);
    }
    armed = point;
  }

  /**
   * Called only when {@link #armed} was seen non-null: throws if {@code point} is the armed one.
   */
  public static void reached(Point point) {
    if (armed == point) {
      armed = null;
      throw new InjectedFault(point);
    }
  }

  /** Whether a point is armed: the test that guards every call to {@link #reached}. */
  public static boolean any() {
    return ENABLED && armed != null;
  }
}
