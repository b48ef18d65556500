package dev.percpu.benchmarks;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuAssertions;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What assertion mode costs per pin, with and without its blocking detection (issue 12): the same
 * {@code with} and guard-and-token operations as {@link CounterBenchmark}, in three modes, each in
 * forks of its own (the detection is decided once per JVM, when the mode is first turned on):
 *
 * <ul>
 *   <li>{@code off}: assertion mode off, the production path (the baseline);
 *   <li>{@code assertions}: assertion mode on, with the JFR blocking detection (the default);
 *   <li>{@code assertionsWithoutDetection}: assertion mode on, {@code
 *       -Dpercpu.blockingDetection=false}.
 * </ul>
 *
 * <p>The ratio of {@code assertions} to {@code assertionsWithoutDetection} is the detection's own
 * cost: two JFR event commits per outermost pin and the recording's background work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class AssertionModeBenchmark {

  /** A mutable cell, so a per-CPU slot can be bumped in place without boxing. */
  static final class Cell {
    long value;
  }

  private static final Consumer<Cell> INCREMENT = c -> c.value++;

  @Param({"off", "assertions", "assertionsWithoutDetection"})
  public String mode;

  private PerCpu<Cell> cells;

  @Setup(Level.Trial)
  public void setUp() {
    if (mode.equals("assertionsWithoutDetection")) {
      System.setProperty("percpu.blockingDetection", "false");
    }
    PerCpuAssertions.setEnabled(!mode.equals("off"));
    // After the switch: in assertion mode a handle records where it was allocated.
    cells = PerCpu.allocate(Cell::new);
  }

  @Benchmark
  public void with() {
    cells.with(INCREMENT);
  }

  @Benchmark
  public void guardTokenWith() {
    try (CpuGuard guard = CpuGuard.pin()) {
      cells.get(guard).with(INCREMENT);
    }
  }
}
