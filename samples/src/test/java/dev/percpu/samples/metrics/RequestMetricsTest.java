package dev.percpu.samples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.percpu.junit.EnablePerCpuAssertions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@EnablePerCpuAssertions
class RequestMetricsTest {
  @Test
  void report_sumsCountsLatencyAndBuckets() {
    RequestMetrics metrics = new RequestMetrics();
    metrics.record(500, false); // bucket 0: under 1 µs
    metrics.record(3_000, true); // bucket 2: [2, 4) µs
    metrics.record(3_999, false); // bucket 2
    MetricsReport report = metrics.report();
    assertEquals(3, report.requests());
    assertEquals(1, report.errors());
    assertEquals(7_499, report.totalNanos());
    long[] expected = new long[LatencyHistogram.BUCKETS];
    expected[0] = 1;
    expected[2] = 2;
    assertEquals(new MetricsReport(3, 1, 7_499, expected), report);
    assertEquals(4, report.quantileUpperBoundMicros(0.5));
  }

  @Test
  void demo_countsEveryRequestFromEveryThread() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MetricsReport report = MetricsDemo.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    long requests = (long) MetricsDemo.THREADS * MetricsDemo.REQUESTS_PER_THREAD;
    assertEquals(requests, report.requests());
    assertEquals(requests / 100, report.errors());
    long slow = requests / 50;
    assertEquals(slow, report.buckets()[LatencyHistogram.bucketOf(10_000_000L)]);
    assertEquals("percpu request metrics: " + report + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bucketOf_usesPowersOfTwoOfMicroseconds() {
    assertEquals(0, LatencyHistogram.bucketOf(999));
    assertEquals(1, LatencyHistogram.bucketOf(1_000));
    assertEquals(2, LatencyHistogram.bucketOf(2_000));
    assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucketOf(Long.MAX_VALUE));
  }
}
