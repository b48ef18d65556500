package dev.percpu.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a pin could cost at best on this machine: hand-written slot pins with less and less
 * bookkeeping, against {@link LongAdder#increment()} in the same run. None of them is a usable
 * runtime (no nesting check, no guard, no fault handling, one slot); they bound from above what any
 * implementation of the throughput targets in {@code docs/performance.md} can reach here, and so
 * say how much of a pin's cost is the hardware's and how much is bookkeeping. Single-threaded on
 * purpose (one slot word): {@code benchmarks/run.sh} leaves this class out of the matrix, and
 * {@code docs/performance.md} gives its own command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
@Threads(1)
public class FloorBenchmark {
  private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

  /** One slot's owner word at index 16, with a cache line of padding on either side. */
  private final long[] words = new long[33];

  private final CounterBenchmark.Cell cell = new CounterBenchmark.Cell();
  private final LongAdder adder = new LongAdder();

  /** A thread's pin state at its least: found by thread id, as {@code Pins}' cache finds it. */
  static final class State {
    final long threadId;
    final long id;
    int depth;

    State(long threadId, long id) {
      this.threadId = threadId;
      this.id = id;
    }
  }

  private static final State[] STATES = new State[1024];

  @Benchmark
  public void longAdder() {
    adder.increment();
  }

  /** The hardware's part: one CAS that takes the slot, the update, one release store. */
  @Benchmark
  public void slotOnly() {
    long id = 5;
    take(id);
    cell.value++;
    WORD.setRelease(words, 16, -id);
  }

  /** As {@link #slotOnly}, with the owner id found from the current thread, one table load. */
  @Benchmark
  public void slotAndStateLookup() {
    State state = state();
    take(state.id);
    cell.value++;
    WORD.setRelease(words, 16, -state.id);
  }

  /** As {@link #slotAndStateLookup}, keeping a pin depth: the least a nesting-aware pin writes. */
  @Benchmark
  public void slotStateLookupAndDepth() {
    State state = state();
    if (state.depth == 0) {
      take(state.id);
    }
    state.depth = 1;
    cell.value++;
    state.depth = 0;
    WORD.setRelease(words, 16, -state.id);
  }

  private void take(long id) {
    // The fast path expects the word as this thread left it; the first call finds it never owned.
    if (!WORD.compareAndSet(words, 16, -id, id)) {
      WORD.compareAndSet(words, 16, 0L, id);
    }
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  private static State state() {
    long threadId = Thread.currentThread().getId();
    int index = (int) threadId & (STATES.length - 1);
    State state = STATES[index];
    if (state == null || state.threadId != threadId) {
      state = new State(threadId, threadId + 1);
      STATES[index] = state;
    }
    return state;
  }
}
