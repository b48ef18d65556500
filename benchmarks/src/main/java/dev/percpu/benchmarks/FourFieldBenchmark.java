package dev.percpu.benchmarks;

import dev.percpu.PerCpu;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Four related statistics updated together: one {@code with} over a per-CPU record against four
 * {@link LongAdder}s. This is where exclusive ownership pays: the record's fields are plain fields,
 * updated under one pin, where the adders pay four atomic read-modify-writes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class FourFieldBenchmark {

  /** A request's statistics: plain fields, owned by the pinned thread while it updates them. */
  static final class Stats {
    long requests;
    long bytes;
    long latencyNanos;
    long maxLatencyNanos;
  }

  private static final Consumer<Stats> RECORD =
      s -> {
        s.requests++;
        s.bytes += 512;
        s.latencyNanos += 1_000;
        s.maxLatencyNanos = Math.max(s.maxLatencyNanos, 1_000);
      };

  private final PerCpu<Stats> stats = PerCpu.allocate(Stats::new);
  private final LongAdder requests = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAdder maxLatencyNanos = new LongAdder();

  @Benchmark
  public void perCpuWithFourFields() {
    stats.with(RECORD);
  }

  @Benchmark
  public void fourLongAdders() {
    requests.increment();
    bytes.add(512);
    latencyNanos.add(1_000);
    // LongAdder has no max; a fourth add keeps the work comparable (one RMW per field).
    maxLatencyNanos.add(1);
  }
}
