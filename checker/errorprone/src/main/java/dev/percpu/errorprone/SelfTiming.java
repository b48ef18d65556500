package dev.percpu.errorprone;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark instrumentation: with {@code -J-Dpercpu.errorprone.timing=true}, the CPU time javac's
 * thread spends inside the seven checks (cheap exit, analysis, reporting) is summed and printed to
 * stderr when javac's JVM exits. Thread CPU time, unlike elapsed time, does not grow when other
 * processes compete for the cores, so it measures the checks' own cost on a loaded machine where
 * end-to-end timings are noisy. Off by default: then it costs one static boolean test per unit.
 */
final class SelfTiming {
  static final boolean ENABLED = Boolean.getBoolean("percpu.errorprone.timing");
  private static final AtomicLong NANOS = new AtomicLong();
  private static final AtomicLong UNITS = new AtomicLong();

  static {
    if (ENABLED) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      System.err.printf(
                          "percpu-errorprone self time: %.3f s (thread CPU) over %d check calls%n",
                          NANOS.get() / 1e9, UNITS.get())));
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SelfTiming() {}

  /** The calling thread's CPU time in nanoseconds. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  static void add(long nanos) {
    NANOS.addAndGet(nanos);
    UNITS.incrementAndGet();
  }
}
