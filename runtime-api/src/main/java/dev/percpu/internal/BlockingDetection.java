package dev.percpu.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Assertion mode's watch for blocking while pinned: the part that names no {@code jdk.jfr} type, so
 * that the runtime links and runs where that module is absent ({@code requires static}). The JFR
 * side is {@link JfrBlockingWatch}; this class decides whether it runs and hides it when it cannot.
 *
 * <p>The watch starts the first time assertion mode is switched on ({@link
 * AssertionMode#setEnabled}), or, when the mode was on from start-up, at the first pin of the JVM
 * before that pin takes a slot ({@code Pins}: a thread's first pin), so that no held slot waits
 * through the seconds JFR takes to start. Unless the system property {@value #PROPERTY} is {@code
 * false}. If JFR cannot run (the module is not in the module graph, the JVM has no Flight Recorder,
 * starting it failed), the watch stays off, that is logged once through {@code System.Logger}, and
 * nothing throws. Outside assertion mode nothing here is reached.
 */
public final class BlockingDetection {
  /** The system property that turns the watch off ({@code false}); it is on by default. */
  public static final String PROPERTY = "percpu.blockingDetection";

  private static final System.Logger LOG = System.getLogger("dev.percpu");

  private enum Status {
    NOT_STARTED,
    RUNNING,
    UNAVAILABLE,
    TURNED_OFF
  }

  private static volatile Status status = Status.NOT_STARTED;
  private static volatile String unavailable;
  private static final AtomicBoolean NOTICE_PENDING = new AtomicBoolean();

  /**
   * Bumped at every pin event committed: {@link #sync} has nothing to wait for when it has not
   * moved since the last sync and no pin is open.
   */
  private static final AtomicLong PIN_EVENTS = new AtomicLong();

  private static long syncedPinEvents = -1; // guarded by the class lock

  private BlockingDetection() {}

  /** Starts the watch unless it was started (or found unavailable) already. */
  static void ensureStarted() {
    if (status == Status.NOT_STARTED) {
      start();
    }
  }

  private static synchronized void start() {
    if (status != Status.NOT_STARTED) {
      return;
    }
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      status = Status.TURNED_OFF;
      return;
    }
    String reason;
    try {
      reason = jfrReadable() ? JfrBlockingWatch.start() : noJfrModule();
    } catch (Exception | LinkageError e) {
      reason = "starting JDK Flight Recorder failed: " + e;
    }
    if (reason == null) {
      status = Status.RUNNING;
    } else {
      markUnavailable(reason);
    }
  }

  private static void markUnavailable(String reason) {
    unavailable = reason;
    status = Status.UNAVAILABLE;
    NOTICE_PENDING.set(true);
  }

  /** Whether this module can use {@code jdk.jfr}: it is resolved, and read by a named module. */
  private static boolean jfrReadable() {
    Module self = BlockingDetection.class.getModule();
    Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
    return jfr.isPresent() && self.canRead(jfr.get());
  }

  private static String noJfrModule() {
    return "module jdk.jfr is not in the module graph (on the module path, add --add-modules"
        + " jdk.jfr, or have a module of the application require it)";
  }

  /**
   * Called by {@link AssertionMode#pinOpened} with the pin complete but for its level: commits the
   * pin's begin event, after its slot was won.
   */
  static void pinOpened(PinState state, long pin) {
    if (status == Status.NOT_STARTED) {
      start();
    }
    if (status == Status.RUNNING) {
      PIN_EVENTS.incrementAndGet();
      JfrBlockingWatch.pinBegan(pin, state.cpu, state.pinnedAt);
    }
  }

  /** Called by {@link AssertionMode#pinClosed} after the slot was released. */
  static void pinClosed(long pin) {
    if (status == Status.RUNNING) {
      JfrBlockingWatch.pinEnded(pin);
      PIN_EVENTS.incrementAndGet();
    }
  }

  /**
   * Makes every blocking while pinned that ended before this call reach the record of violations,
   * and returns whether the watch runs. Never throws; an interrupt ends the wait early (and stays
   * set).
   */
  public static boolean sync() {
    logNoticeOnce();
    if (status != Status.RUNNING) {
      return false;
    }
    synchronized (BlockingDetection.class) {
      // In this order: a pin that closed since the last sync bumped the count before it left the
      // set of open pins (see AssertionMode.pinClosed).
      boolean noOpenPin = !AssertionMode.anyOpenPin();
      long events = PIN_EVENTS.get();
      if (noOpenPin && events == syncedPinEvents) {
        return true;
      }
      try {
        String failure = JfrBlockingWatch.sync();
        if (failure == null) {
          syncedPinEvents = events;
        } else {
          markUnavailable(failure);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    logNoticeOnce();
    return status == Status.RUNNING;
  }

  /**
   * Says once, through {@code System.Logger}, why the watch cannot run. Called only where no slot
   * is half taken: by {@link #sync}, by {@link AssertionMode#setEnabled} and after a pin's release.
   */
  static void logNoticeOnce() {
    if (NOTICE_PENDING.get() && NOTICE_PENDING.compareAndSet(true, false)) {
      try {
        LOG.log(
            Level.WARNING,
            "percpu assertion mode cannot detect blocking while pinned: "
                + unavailable
                + "; the other checks of assertion mode are unaffected");
      } catch (RuntimeException brokenLogger) {
        // A notice must not turn an unpin or a test's end into a failure.
      }
    }
  }

  /** Whether the watch runs; for tests. */
  static boolean running() {
    return status == Status.RUNNING;
  }
}
