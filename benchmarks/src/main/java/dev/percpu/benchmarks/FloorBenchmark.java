package dev.percpu.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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

  /** Two slots' owner words, laid out as {@code SlotTable} lays them out. */
  private final long[] slotWords = new long[3 * 16];

  /** Two CPUs' values, erased, with fillers between them, as {@code Allocation} stores them. */
  private final Object[] values = {
    new long[14],
    new CounterBenchmark.Cell(),
    new long[14],
    new CounterBenchmark.Cell(),
    new long[14]
  };

  private static final Consumer<Object> INCREMENT = c -> ((CounterBenchmark.Cell) c).value++;

  /** A slot's bookkeeping, kept in the slot (its owner's alone while pinned): padded apart. */
  static final class SlotRecord {
    long p01, p02, p03, p04, p05, p06, p07, p08;
    int depth;
    int entries;
    long outerEntered;
    long q01, q02, q03, q04, q05, q06, q07, q08;
  }

  private static final SlotRecord[] RECORDS = {new SlotRecord(), new SlotRecord()};
  private final long allocationId = 42;

  /** A thread's pin state at its least: found by thread id, as {@code Pins}' cache finds it. */
  static final class State {
    final long threadId;
    final long id;
    int depth;
    int hint;

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
    take(words, 0, id);
    cell.value++;
    WORD.setRelease(words, 16, -id);
  }

  /** As {@link #slotOnly}, with the owner id found from the current thread, one table load. */
  @Benchmark
  public void slotAndStateLookup() {
    State state = state();
    take(words, 0, state.id);
    cell.value++;
    WORD.setRelease(words, 16, -state.id);
  }

  /** As {@link #slotAndStateLookup}, keeping a pin depth: the least a nesting-aware pin writes. */
  @Benchmark
  public void slotStateLookupAndDepth() {
    State state = state();
    if (state.depth == 0) {
      take(words, 0, state.id);
    }
    state.depth = 1;
    cell.value++;
    state.depth = 0;
    WORD.setRelease(words, 16, -state.id);
  }

  /**
   * As {@link #slotStateLookupAndDepth}, with the value found as {@code PerCpu.with} finds it: the
   * slot comes from the state (its preferred slot), and the value is the erased element of the
   * allocation's array at that slot, passed to a {@link Consumer}.
   */
  @Benchmark
  public void stateSlotAndValue() {
    State state = state();
    int slot = state.hint;
    if (state.depth == 0) {
      take(slotWords, slot, state.id);
    }
    state.depth = 1;
    INCREMENT.accept(values[2 * slot + 1]);
    state.depth = 0;
    WORD.setRelease(slotWords, (slot + 1) * 16, -state.id);
  }

  /**
   * No per-thread state at all: the owner word is the thread id and the slot is derived from it,
   * then the value as in {@link #stateSlotAndValue}. What a pin costs when nothing but the thread
   * object stands between the thread and its slot.
   */
  @Benchmark
  public void threadIdSlotAndValue() {
    long tid = threadId();
    int slot = (int) tid & 1;
    take(slotWords, slot, tid);
    INCREMENT.accept(values[2 * slot + 1]);
    WORD.setRelease(slotWords, (slot + 1) * 16, -tid);
  }

  /**
   * As {@link #threadIdSlotAndValue}, with the least bookkeeping a nesting-aware pin needs kept in
   * the slot's own record: a depth, an entry count and the entered allocation, set, checked and
   * cleared. A model of moving the pin's bookkeeping from the thread into the slot.
   */
  @Benchmark
  public void threadIdSlotRecordAndValue() {
    long tid = threadId();
    int slot = (int) tid & 1;
    SlotRecord record = RECORDS[slot];
    Object value = values[2 * slot + 1];
    long id = allocationId;
    take(slotWords, slot, tid);
    if (record.depth != 0) {
      throw new IllegalStateException("nested");
    }
    record.depth = 1;
    record.entries = 1;
    if (record.outerEntered != id) {
      record.outerEntered = id;
    }
    INCREMENT.accept(value);
    if (record.depth != 1 || record.entries != 1) {
      throw new IllegalStateException("leaked");
    }
    record.entries = 0;
    record.depth = 0;
    WORD.setRelease(slotWords, (slot + 1) * 16, -tid);
  }

  /** Takes {@code slot}'s word (index {@code (slot + 1) * 16}) for {@code id}. */
  private static void take(long[] words, int slot, long id) {
    int i = (slot + 1) * 16;
    // The fast path expects the word as this thread left it; the first call finds it never owned.
    if (!WORD.compareAndSet(words, i, -id, id)) {
      WORD.compareAndSet(words, i, 0L, id);
    }
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
  private static long threadId() {
    return Thread.currentThread().getId();
  }

  private static State state() {
    long threadId = threadId();
    int index = (int) threadId & (STATES.length - 1);
    State state = STATES[index];
    if (state == null || state.threadId != threadId) {
      state = new State(threadId, threadId + 1);
      STATES[index] = state;
    }
    return state;
  }
}
