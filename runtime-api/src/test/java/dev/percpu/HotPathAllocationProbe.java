package dev.percpu;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Run by {@link HotPathAllocationTest} in a JVM of its own (so that no other test's closures shape
 * the JIT's profiles): runs each documented hot path in rounds until the JIT has compiled it, and
 * prints, one line per path, its name and the fewest bytes per operation that the thread allocated
 * in any round, as {@code ThreadMXBean.getCurrentThreadAllocatedBytes} counts them.
 */
public final class HotPathAllocationProbe {
  static final int OPS_PER_ROUND = 100_000;
  // Many rounds, ended early by the first round that allocates nothing: on a loaded machine the
  // JIT's compiler threads get little CPU and a path can run interpreted (allocating) for hundreds
  // of rounds; a path that really allocates runs them all, about a second once compiled.
  static final int MAX_ROUNDS = 2_000;

  /** A mutable cell, bumped in place. */
  static final class Cell {
    long value;
  }

  /** Four statistics updated together, as in the four-field benchmark. */
  static final class Stats {
    long requests;
    long bytes;
    long latencyNanos;
    long maxLatencyNanos;
  }

  // Non-capturing and static final, as a program's hot closures are: the JIT then knows them.
  private static final Consumer<Cell> INCREMENT = c -> c.value++;
  private static final Function<Cell, Long> READ = c -> c.value;
  private static final Consumer<Stats> RECORD =
      s -> {
        s.requests++;
        s.bytes += 512;
        s.latencyNanos += 1_000;
        s.maxLatencyNanos = Math.max(s.maxLatencyNanos, 1_000);
      };

  private static final PerCpu<Cell> CELLS = PerCpu.allocate(Cell::new);
  private static final PerCpu<Stats> STATS = PerCpu.allocate(Stats::new);
  private static final PerCpuCounter COUNTER = PerCpuCounter.allocate();
  private static long sink;

  private HotPathAllocationProbe() {}

  public static void main(String[] args) {
    Map<String, IntConsumer> paths = new LinkedHashMap<>();
    paths.put("PerCpu.with", HotPathAllocationProbe::with);
    paths.put("CpuGuard+PerCpu.get+PerCpuToken.with", HotPathAllocationProbe::guardTokenWith);
    paths.put("CpuGuard+PerCpu.get+PerCpuToken.apply", HotPathAllocationProbe::guardTokenApply);
    paths.put("CpuGuard+PerCpuCounter.increment(guard)", HotPathAllocationProbe::guardCounter);
    paths.put("PerCpuCounter.increment()", HotPathAllocationProbe::counter);
    paths.put("PerCpu.with(four fields)", HotPathAllocationProbe::fourFields);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (Map.Entry<String, IntConsumer> path : paths.entrySet()) {
      double fewest = Double.MAX_VALUE;
      for (int round = 0; round < MAX_ROUNDS && fewest > 0; round++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        path.getValue().accept(OPS_PER_ROUND);
        long after = threads.getCurrentThreadAllocatedBytes();
        fewest = Math.min(fewest, (double) (after - before) / OPS_PER_ROUND);
      }
      System.out.println(path.getKey() + " " + fewest);
    }
    System.out.println("checksum " + (sink + COUNTER.sum()));
  }

  private static void with(int ops) {
    for (int i = 0; i < ops; i++) {
      CELLS.with(INCREMENT);
    }
  }

  private static void guardTokenWith(int ops) {
    for (int i = 0; i < ops; i++) {
      try (CpuGuard guard = CpuGuard.pin()) {
        CELLS.get(guard).with(INCREMENT);
      }
    }
  }

  private static void guardTokenApply(int ops) {
    long total = 0;
    for (int i = 0; i < ops; i++) {
      try (CpuGuard guard = CpuGuard.pin()) {
        total += CELLS.get(guard).apply(READ);
      }
    }
    sink += total;
  }

  private static void guardCounter(int ops) {
    for (int i = 0; i < ops; i++) {
      try (CpuGuard guard = CpuGuard.pin()) {
        COUNTER.increment(guard);
      }
    }
  }

  private static void counter(int ops) {
    for (int i = 0; i < ops; i++) {
      COUNTER.increment();
    }
  }

  private static void fourFields(int ops) {
    for (int i = 0; i < ops; i++) {
      STATS.with(RECORD);
    }
  }
}
