package dev.percpu.samples.metrics;

import java.util.Arrays;

/**
 * The sum over all CPUs of {@link RequestMetrics}, at one moment.
 *
 * @param requests requests recorded
 * @param errors those that failed
 * @param totalNanos their summed latency
 * @param buckets requests per {@link LatencyHistogram} bucket
 */
public record MetricsReport(long requests, long errors, long totalNanos, long[] buckets) {
  public MetricsReport {
    buckets = buckets.clone();
  }

  @Override
  public long[] buckets() {
    return buckets.clone();
  }

  /** Mean latency in nanoseconds, 0 when nothing was recorded. */
  public long meanNanos() {
    return requests == 0 ? 0 : totalNanos / requests;
  }

  /**
   * The upper bound, in microseconds, of the bucket holding the {@code quantile} (0..1) request:
   * the latency that at least that share of requests stayed under.
   */
  public long quantileUpperBoundMicros(double quantile) {
    if (quantile < 0 || quantile > 1) {
      throw new IllegalArgumentException("quantile must be in [0, 1], was " + quantile);
    }
    long rank = (long) Math.ceil(quantile * requests);
    long seen = 0;
    for (int b = 0; b < buckets.length; b++) {
      seen += buckets[b];
      if (seen >= rank && seen > 0) {
        return LatencyHistogram.upperBoundMicros(b);
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricsReport r
        && requests == r.requests
        && errors == r.errors
        && totalNanos == r.totalNanos
        && Arrays.equals(buckets, r.buckets);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(requests) * 31 + Arrays.hashCode(buckets);
  }

  @Override
  public String toString() {
    return String.format(
        "%d requests, %d errors, mean %d µs, p50 < %d µs, p99 < %d µs",
        requests,
        errors,
        meanNanos() / 1_000,
        quantileUpperBoundMicros(0.5),
        quantileUpperBoundMicros(0.99));
  }
}
