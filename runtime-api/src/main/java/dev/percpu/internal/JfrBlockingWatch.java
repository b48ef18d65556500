package dev.percpu.internal;

import dev.percpu.PerCpuViolation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Finds blocking while pinned in JDK Flight Recorder's event stream; reached only through {@link
 * BlockingDetection}, so that this class (the only one naming {@code jdk.jfr} types besides the
 * event classes) is loaded only where the module is present.
 *
 * <h2>Algorithm</h2>
 *
 * <p>One recording enables, with a threshold of zero and stack traces, the JDK's events for a
 * thread that parks, sleeps, waits on a monitor, enters a contended monitor, or reads or writes a
 * file or socket ({@link #BLOCKING_EVENTS}), plus the runtime's own {@link PinBeganEvent} and
 * {@link PinEndedEvent}, which the pinning thread commits when an outermost assertion-mode pin has
 * won its slot and when it has released it. One daemon thread reads the JVM's repository as an
 * ordered stream: JFR sorts each flush by end time, and flushes reach the stream in the order they
 * were written, so for every thread T the stream sees T's pin begin before any event that started
 * after it, and T's pin end after every event that ended before it. The reader therefore keeps, per
 * thread, the pin it is in (by the stream's order), and a blocking event of T that started no
 * earlier than T's open pin began lies entirely within that pin: both ends come from the same JFR
 * clock, so the test is exact. Such an event is recorded as a {@link
 * PerCpuViolation.Kind#BLOCKED_WHILE_PINNED} violation with the event's stack and the pin's origin.
 * A duration event is committed when it ends, so a thread still blocked is reported when it stops
 * blocking; the stall report covers the threads that never do.
 *
 * <h2>Delivering "everything up to now"</h2>
 *
 * <p>JFR writes its thread buffers out once a second, or when a chunk ends. {@link #sync} commits a
 * {@link SyncMarkerEvent}, ends the chunk by starting and closing an empty recording (a rotation:
 * milliseconds, not the second until the next flush), and waits until the reader has handled the
 * marker; every event committed before the marker was in the same chunk or an earlier one, so it
 * has been handled too.
 *
 * <h2>What is not reported</h2>
 *
 * <p>Blocking that is the JVM's or the runtime's rather than the program's ({@link
 * #notTheProgramsFrame}: class loading, linkage, the slot hand-over, the runtime's own {@link
 * BlockingDetection#sync}), and what JFR does not see: native code that blocks without these
 * events, spin waits, and a pinned virtual thread's park where the JDK emits no {@code
 * jdk.ThreadPark} for it. See docs/design.md.
 */
final class JfrBlockingWatch {
  /** The JDK events that mean the thread blocked. */
  static final List<String> BLOCKING_EVENTS =
      List.of(
          "jdk.ThreadPark",
          "jdk.ThreadSleep",
          "jdk.JavaMonitorWait",
          "jdk.JavaMonitorEnter",
          "jdk.SocketRead",
          "jdk.SocketWrite",
          "jdk.FileRead",
          "jdk.FileWrite");

  /** Frames of a report's stack beyond these are elided. */
  private static final int MAX_FRAMES = 16;

  /** A sync that sees no marker this long means the reader is gone; never reached when healthy. */
  private static final long SYNC_LIMIT_SECONDS = 60;

  /** A pin the stream has seen begin and not yet end. */
  private record OpenPin(long pin, int cpu, Instant began) {}

  /**
   * Where each pin that began and whose end the reader has not yet handled began, by pin number;
   * the reader removes an entry when it handles the pin's end, after every event inside the pin.
   */
  private static final ConcurrentHashMap<Long, String> ORIGINS = new ConcurrentHashMap<>();

  /** By JFR thread id; only the reader thread touches it. */
  private static final Map<Long, OpenPin> OPEN = new HashMap<>();

  private static volatile long awaitedMarker = Long.MAX_VALUE;
  private static volatile CountDownLatch markerSeen;
  private static volatile String readerFailure;
  private static long lastMarker; // guarded by BlockingDetection's lock

  private JfrBlockingWatch() {}

  /**
   * Starts the recording and the reader; returns {@code null} once the recording runs (every event
   * committed from then on is seen), or why it cannot run.
   */
  static String start() throws IOException {
    if (!FlightRecorder.isAvailable()) {
      return "this JVM has no JDK Flight Recorder";
    }
    Recording recording = new Recording();
    recording.setName("percpu blocking detection");
    recording.setToDisk(true);
    // The reader consumes the chunks within a second or two; this bounds the disk they take.
    recording.setMaxAge(Duration.ofMinutes(1));
    recording.enable(PinBeganEvent.class);
    recording.enable(PinEndedEvent.class);
    recording.enable(SyncMarkerEvent.class);
    for (String name : BLOCKING_EVENTS) {
      recording.enable(name).withThreshold(Duration.ZERO).withStackTrace();
    }
    // A little before the recording starts: older events carry no pin and are ignored, but none of
    // ours may fall before the stream's start through a difference of clocks.
    Instant from = Instant.now().minusSeconds(1);
    recording.start();
    EventStream stream;
    try {
      // RecordingStream's reader thread cannot be made a daemon; a repository stream's can.
      stream = EventStream.openRepository();
    } catch (IOException | RuntimeException e) {
      recording.close();
      throw e;
    }
    stream.setStartTime(from);
    stream.onEvent(PinBeganEvent.class.getAnnotation(jdk.jfr.Name.class).value(), e -> began(e));
    stream.onEvent(PinEndedEvent.class.getAnnotation(jdk.jfr.Name.class).value(), e -> ended(e));
    stream.onEvent(SyncMarkerEvent.class.getAnnotation(jdk.jfr.Name.class).value(), e -> marker(e));
    for (String name : BLOCKING_EVENTS) {
      stream.onEvent(name, JfrBlockingWatch::blocking);
    }
    stream.onError(t -> readerFailure = "the JFR event stream failed: " + t);
    stream.onClose(
        () -> {
          if (readerFailure == null) {
            readerFailure = "the JFR event stream was closed";
          }
          CountDownLatch waiting = markerSeen;
          if (waiting != null) {
            waiting.countDown();
          }
        });
    Thread reader = new Thread(stream::start, "percpu blocking detection");
    reader.setDaemon(true);
    reader.start();
    return null;
  }

  static void pinBegan(long pin, int cpu, String origin) {
    // The origin goes beside the event, not in it: a string field costs a JFR commit several
    // times what two numbers do, and the reader needs it only for the rare report.
    ORIGINS.put(pin, origin);
    PinBeganEvent event = new PinBeganEvent();
    event.pin = pin;
    event.cpu = cpu;
    event.commit();
  }

  static void pinEnded(long pin) {
    PinEndedEvent event = new PinEndedEvent();
    event.pin = pin;
    event.commit();
  }

  /**
   * Delivers every event committed before this call; returns {@code null}, or why the reader no
   * longer runs. The caller holds {@link BlockingDetection}'s lock, so syncs do not overlap.
   */
  static String sync() throws InterruptedException {
    long marker = ++lastMarker;
    CountDownLatch seen = new CountDownLatch(1);
    markerSeen = seen; // before awaitedMarker: a reader that sees the new number sees this latch
    awaitedMarker = marker;
    SyncMarkerEvent event = new SyncMarkerEvent();
    event.marker = marker;
    event.commit();
    // Ends the chunk now rather than at the next flush, up to a second away (see the class doc).
    try (Recording rotation = new Recording()) {
      rotation.setName("percpu blocking detection sync");
      rotation.start();
    }
    if (!seen.await(SYNC_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      return "the JFR event stream delivered nothing for " + SYNC_LIMIT_SECONDS + " s";
    }
    return readerFailure;
  }

  private static void marker(RecordedEvent event) {
    if (event.getLong("marker") >= awaitedMarker) {
      CountDownLatch seen = markerSeen;
      if (seen != null) {
        seen.countDown();
      }
    }
  }

  private static void began(RecordedEvent event) {
    RecordedThread thread = event.getThread();
    if (thread != null) {
      OPEN.put(
          thread.getId(),
          new OpenPin(event.getLong("pin"), event.getInt("cpu"), event.getStartTime()));
    }
  }

  private static void ended(RecordedEvent event) {
    ORIGINS.remove(event.getLong("pin"));
    RecordedThread thread = event.getThread();
    if (thread != null) {
      OpenPin open = OPEN.get(thread.getId());
      if (open != null && open.pin == event.getLong("pin")) {
        OPEN.remove(thread.getId());
      }
    }
  }

  private static void blocking(RecordedEvent event) {
    RecordedThread thread = event.getThread();
    if (thread == null) {
      return;
    }
    OpenPin open = OPEN.get(thread.getId());
    if (open == null || event.getStartTime().isBefore(open.began)) {
      return;
    }
    RecordedStackTrace stack = event.getStackTrace();
    if (stack != null && notTheProgramsBlocking(stack)) {
      return;
    }
    String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    AssertionMode.recordObserved(
        PerCpuViolation.Kind.BLOCKED_WHILE_PINNED, name, message(name, open, event, stack));
  }

  /** Whether any frame of {@code stack} is one of {@link #notTheProgramsFrame}. */
  private static boolean notTheProgramsBlocking(RecordedStackTrace stack) {
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.getMethod() != null
          && notTheProgramsFrame(
              frame.getMethod().getType().getName(), frame.getMethod().getName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether blocking under a frame of {@code type.method} is the JVM's or the runtime's, not the
   * program's: class loading (the JVM reading a class file); the JVM's linkage upcalls (resolving a
   * method type, a call site or a lambda takes the JVM's own locks, as class loading does); the
   * runtime's slot table (a release signals a waiter after the slot is given up, but before the
   * pin's end is committed); and the detection's own sync.
   */
  static boolean notTheProgramsFrame(String type, String method) {
    return type.equals(BlockingDetection.class.getName())
        || type.equals(JfrBlockingWatch.class.getName())
        || type.equals(SlotTable.class.getName())
        || type.equals("java.lang.invoke.MethodHandleNatives")
        || method.equals("loadClass")
            && (type.equals("java.lang.ClassLoader") || type.startsWith("jdk.internal.loader."));
  }

  private static String message(
      String thread, OpenPin open, RecordedEvent event, RecordedStackTrace stack) {
    StringBuilder m =
        new StringBuilder("thread \"")
            .append(thread)
            .append("\" blocked while pinned to CPU ")
            .append(open.cpu)
            .append(": ")
            .append(what(event))
            .append(" for ")
            .append(micros(event.getDuration()))
            .append("; the pin began at ")
            .append(ORIGINS.getOrDefault(open.pin, "an unknown place"))
            .append("; it blocked at:");
    if (stack == null) {
      m.append("\n  (no stack trace)");
      return m.toString();
    }
    List<RecordedFrame> frames = stack.getFrames();
    for (int k = 0; k < frames.size() && k < MAX_FRAMES; k++) {
      m.append("\n  at ").append(frame(frames.get(k)));
    }
    if (frames.size() > MAX_FRAMES || stack.isTruncated()) {
      m.append("\n  ...");
    }
    return m.toString();
  }

  /** The event's label, its name, and what it blocked on when the event says. */
  private static String what(RecordedEvent event) {
    StringBuilder w =
        new StringBuilder(event.getEventType().getLabel())
            .append(" (")
            .append(event.getEventType().getName())
            .append(')');
    for (String field : List.of("parkedClass", "monitorClass")) {
      if (event.hasField(field)) {
        RecordedClass on = event.getValue(field);
        if (on != null) {
          w.append(" on ").append(on.getName());
        }
      }
    }
    if (event.hasField("path") && event.getString("path") != null) {
      w.append(" of ").append(event.getString("path"));
    }
    if (event.hasField("host") && event.hasField("port")) {
      w.append(" from ").append(event.getString("host")).append(':').append(event.getInt("port"));
    }
    return w.toString();
  }

  private static String micros(Duration d) {
    long us = d.toNanos() / 1_000;
    return us >= 10_000 ? us / 1_000 + " ms" : us + " µs";
  }

  private static String frame(RecordedFrame frame) {
    if (frame.getMethod() == null) {
      return "(unknown)";
    }
    String where =
        frame.isJavaFrame()
            ? frame.getLineNumber() >= 0 ? "line " + frame.getLineNumber() : "unknown line"
            : "native";
    return frame.getMethod().getType().getName()
        + "."
        + frame.getMethod().getName()
        + "("
        + where
        + ")";
  }
}
