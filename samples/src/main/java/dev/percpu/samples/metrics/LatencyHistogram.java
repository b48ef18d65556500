package dev.percpu.samples.metrics;

/**
 * Latency buckets by powers of two of microseconds: bucket 0 holds [0, 1) µs, bucket {@code b}
 * holds [2^(b-1), 2^b) µs, and the last bucket everything from about 1 s up. Coarse on purpose: a
 * per-CPU histogram is one small array per CPU, updated with one increment.
 */
public final class LatencyHistogram {
  /** Number of buckets; the last is open-ended. */
  public static final int BUCKETS = 22;

  private LatencyHistogram() {}

  /** The bucket that holds {@code nanos}. */
  public static int bucketOf(long nanos) {
    long micros = Math.max(0, nanos) / 1_000;
    int bucket = 64 - Long.numberOfLeadingZeros(micros);
    return Math.min(bucket, BUCKETS - 1);
  }

  /**
   * The exclusive upper bound of {@code bucket} in microseconds, or {@link Long#MAX_VALUE} for the
   * last.
   */
  public static long upperBoundMicros(int bucket) {
    return bucket == BUCKETS - 1 ? Long.MAX_VALUE : 1L << bucket;
  }
}
