package dev.percpu.samples.metrics;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

/**
 * Per-CPU request metrics: counters and a latency histogram that one {@code with} updates together,
 * summed over CPUs for a report. Recording costs no atomic instruction and shares no cache line
 * between CPUs; a report visits each CPU pinned to it, so it never sees half an update.
 *
 * <pre>{@code
 * RequestMetrics metrics = new RequestMetrics();
 * metrics.record(elapsedNanos, failed);     // on every request, from any thread
 * MetricsReport report = metrics.report();  // now and then
 * }</pre>
 */
public final class RequestMetrics {
  /** One CPU's share. Only the thread pinned to its CPU touches it, so plain fields suffice. */
  static final class Shard {
    long requests;
    long errors;
    long totalNanos;
    final long[] buckets = new long[LatencyHistogram.BUCKETS];
  }

  private final PerCpu<Shard> shards = PerCpu.allocate(Shard::new);

  /** Records one request. */
  public void record(long latencyNanos, boolean failed) {
    int bucket = LatencyHistogram.bucketOf(latencyNanos);
    shards.with(
        s -> {
          s.requests++;
          if (failed) {
            s.errors++;
          }
          s.totalNanos += latencyNanos;
          s.buckets[bucket]++;
        });
  }

  /** Sums every CPU's share; each CPU is read while pinned to it. */
  public MetricsReport report() {
    long[] totals = new long[3];
    long[] buckets = new long[LatencyHistogram.BUCKETS];
    CpuGuard.onEachCpu(
        guard ->
            shards
                .get(guard)
                .with(
                    s -> {
                      totals[0] += s.requests;
                      totals[1] += s.errors;
                      totals[2] += s.totalNanos;
                      for (int b = 0; b < buckets.length; b++) {
                        buckets[b] += s.buckets[b];
                      }
                    }));
    return new MetricsReport(totals[0], totals[1], totals[2], buckets);
  }
}
