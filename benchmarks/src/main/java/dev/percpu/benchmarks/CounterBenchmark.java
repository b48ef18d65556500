package dev.percpu.benchmarks;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;
import dev.percpu.internal.Allocation;
import dev.percpu.internal.PinState;
import dev.percpu.internal.Pins;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * One counter increment per operation: the per-CPU forms against {@link LongAdder}, {@link
 * AtomicLong} and a {@code synchronized} counter. Thread counts come from the command line ({@code
 * -t 1}, {@code -t 2}, {@code -t 4}) so that one jar measures the whole matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
public class CounterBenchmark {

  /** A mutable cell, so a per-CPU slot can be bumped in place without boxing. */
  static final class Cell {
    long value;
  }

  // Non-capturing, so the JIT never allocates a closure per call.
  private static final Consumer<Cell> INCREMENT = c -> c.value++;

  private final LongAdder adder = new LongAdder();
  private final AtomicLong atomic = new AtomicLong();
  private final Object lock = new Object();
  private long synchronizedValue;
  private final PerCpu<Cell> cells = PerCpu.allocate(Cell::new);
  private final PerCpuCounter counter = PerCpuCounter.allocate();
  // The same machinery as cells.with, minus the nesting check: the baseline for its cost. The
  // internal package is not exported to modules, but benchmarks run on the class path.
  private final Allocation<Cell> unchecked = new Allocation<>(cpu -> new Cell(), null, "benchmark");

  @Benchmark
  public void longAdder() {
    adder.increment();
  }

  @Benchmark
  public long atomicLong() {
    return atomic.incrementAndGet();
  }

  @Benchmark
  public void synchronizedCounter() {
    synchronized (lock) {
      synchronizedValue++;
    }
  }

  /** The convenience form: pin, enter, bump, leave, unpin. */
  @Benchmark
  public void perCpuWith() {
    cells.with(INCREMENT);
  }

  /**
   * {@link #perCpuWith} with the always-on nesting check removed, to price the check: {@code
   * PerCpu.with}'s own steps (the null check, and the unpin whose failure is recorded as owed),
   * then {@code Allocation.acceptUnchecked}, which differs from {@code accept} by the check alone.
   */
  @Benchmark
  public void perCpuWithUnchecked() {
    Consumer<Cell> action = Objects.requireNonNull(INCREMENT, "action");
    PinState state = Pins.pin();
    int depth = state.depth;
    try {
      unchecked.acceptUnchecked(state, state.cpu, action);
    } finally {
      try {
        Pins.unpin(state);
      } catch (Throwable e) {
        if (state.depth == depth) {
          state.owedUnpins++;
        }
        throw e;
      }
    }
  }

  /** The explicit form: a guard and a token. */
  @Benchmark
  public void perCpuGuardTokenWith() {
    try (CpuGuard guard = CpuGuard.pin()) {
      cells.get(guard).with(INCREMENT);
    }
  }

  /**
   * A guard without a token: the counter updated under an explicit pin. Shows what the guard alone
   * costs, and that it is not allocated when nothing in the block allocates.
   */
  @Benchmark
  public void perCpuGuardCounterIncrement() {
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.increment(guard);
    }
  }

  /** The counter's single-word update without a pin (the kernel's this_cpu_inc). */
  @Benchmark
  public void perCpuCounterIncrement() {
    counter.increment();
  }
}
