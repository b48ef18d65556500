package dev.percpu.samples.metrics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Four threads serve 50,000 simulated requests each, with a latency pattern fixed in advance, and
 * record them in one {@link RequestMetrics}; then the report is printed. The per-CPU split varies
 * from run to run, the report does not.
 */
public final class MetricsDemo {
  static final int THREADS = 4;
  static final int REQUESTS_PER_THREAD = 50_000;

  private MetricsDemo() {}

  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}, and returns the report. */
  public static MetricsReport run(PrintStream out) throws InterruptedException {
    RequestMetrics metrics = new RequestMetrics();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(
          new Thread(
              () -> {
                for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                  metrics.record(simulatedLatencyNanos(i), i % 100 == 0);
                }
              },
              "worker-" + t));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
    MetricsReport report = metrics.report();
    out.println("percpu request metrics: " + report);
    return report;
  }

  /** Mostly fast requests, every 50th slow: 1..100 µs, or 10 ms. */
  static long simulatedLatencyNanos(int i) {
    return i % 50 == 0 ? 10_000_000L : (1 + i % 100) * 1_000L;
  }
}
