package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many threads, below and above the number of CPUs (four in these tests), updating shared per-CPU
 * state through every access path. Randomness is seeded; every failure message carries the seed,
 * and {@code -Dpercpu.test.seed=N} replays a run.
 */
@Timeout(120)
class ConcurrencyTest {
  private static final int OPS_PER_THREAD = 20_000;

  /** A value that notices if two threads are ever inside it at once. */
  static final class Cell {
    long count;
    Thread inside;

    void enter(AtomicReference<String> overlap) {
      Thread me = Thread.currentThread();
      if (inside != null) {
        overlap.compareAndSet(
            null, me.getName() + " entered while " + inside.getName() + " was inside");
      }
      inside = me;
      count++;
      inside = null;
    }
  }

  private static long seed() {
    return Long.getLong("percpu.test.seed", System.nanoTime());
  }

  private static long sum(PerCpu<Cell> cells) {
    long[] total = {0};
    CpuGuard.onEachCpu(guard -> cells.get(guard).with(c -> total[0] += c.count));
    return total[0];
  }

  /** Runs {@code work(threadIndex, random)} on {@code threads} threads started together. */
  private static void runAll(int threads, long seed, Worker work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  work.run(index, new Random(seed + index));
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "worker-" + t);
      started.add(thread);
      thread.start();
    }
    for (Thread thread : started) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("seed=" + seed + ": " + failure.get(), failure.get());
    }
  }

  interface Worker {
    void run(int index, Random random) throws Exception;
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {2, 8})
  void manyThreads_loseNoUpdate_andNeverShareASlot(int threads) throws Exception {
    long seed = seed();
    PerCpu<Cell> cells = PerCpu.allocate(Cell::new);
    PerCpu<Cell> alias = cells.clone();
    PerCpuCounter counter = PerCpuCounter.allocate();
    AtomicLong expectedCells = new AtomicLong();
    AtomicLong expectedCounter = new AtomicLong();
    AtomicReference<String> overlap = new AtomicReference<>();

    runAll(
        threads,
        seed,
        (index, random) -> {
          long cellOps = 0;
          long counterOps = 0;
          for (int op = 0; op < OPS_PER_THREAD; op++) {
            switch (random.nextInt(6)) {
              case 0:
                cells.with(c -> c.enter(overlap));
                cellOps++;
                break;
              case 1:
                alias.apply(
                    c -> {
                      c.enter(overlap);
                      return null;
                    });
                cellOps++;
                break;
              case 2:
                try (CpuGuard guard = CpuGuard.pin()) {
                  cells.get(guard).with(c -> c.enter(overlap));
                  counter.increment(guard);
                  try (CpuGuard nested = CpuGuard.pin()) {
                    alias.get(nested).with(c -> c.enter(overlap));
                  }
                }
                cellOps += 2;
                counterOps++;
                break;
              case 3:
                counter.increment();
                counterOps++;
                break;
              case 4:
                counter.add(3);
                counter.sub(1);
                counterOps += 2;
                break;
              default:
                try (CpuGuard guard = CpuGuard.pin()) {
                  counterOps += counter.addAndGet(guard, 1) != Long.MIN_VALUE ? 1 : 0;
                }
            }
          }
          expectedCells.addAndGet(cellOps);
          expectedCounter.addAndGet(counterOps);
        });

    assertEquals(null, overlap.get(), "seed=" + seed);
    assertEquals(expectedCells.get(), sum(cells), "seed=" + seed);
    assertEquals(expectedCounter.get(), counter.sum(), "seed=" + seed);
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "seed=" + seed);
  }

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom", null, false, false);
    }
  }

  @Test
  void closuresThatThrowAtRandom_leaveEverythingConsistent() throws Exception {
    long seed = seed();
    int threads = 6;
    PerCpu<Cell> cells = PerCpu.allocate(Cell::new);
    PerCpu<Cell> other = PerCpu.allocate(Cell::new);
    AtomicLong expected = new AtomicLong();
    AtomicLong expectedOther = new AtomicLong();
    AtomicReference<String> overlap = new AtomicReference<>();

    runAll(
        threads,
        seed,
        (index, random) -> {
          long done = 0;
          long doneOther = 0;
          for (int op = 0; op < OPS_PER_THREAD / 4; op++) {
            boolean throwBefore = random.nextInt(5) == 0;
            boolean throwAfter = random.nextInt(5) == 0;
            boolean nestIllegally = random.nextInt(7) == 0;
            boolean enterOther = random.nextBoolean();
            boolean[] updated = {false, false};
            try {
              try (CpuGuard guard = CpuGuard.pin()) {
                cells
                    .get(guard)
                    .with(
                        c -> {
                          if (throwBefore) {
                            throw new Boom();
                          }
                          c.enter(overlap);
                          updated[0] = true;
                          if (enterOther) {
                            other.with(
                                o -> {
                                  o.enter(overlap);
                                  updated[1] = true;
                                  if (throwAfter) {
                                    throw new Boom();
                                  }
                                });
                          }
                          if (nestIllegally) {
                            cells
                                .clone()
                                .with(inner -> inner.count = Long.MIN_VALUE); // must never run
                          }
                          if (throwAfter) {
                            throw new Boom();
                          }
                        });
              }
            } catch (Boom | PerCpuNestingException expectedFailure) {
              // part of the scenario
            }
            done += updated[0] ? 1 : 0;
            doneOther += updated[1] ? 1 : 0;
          }
          expected.addAndGet(done);
          expectedOther.addAndGet(doneOther);
        });

    assertEquals(null, overlap.get(), "seed=" + seed);
    assertEquals(expected.get(), sum(cells), "seed=" + seed);
    assertEquals(expectedOther.get(), sum(other), "seed=" + seed);
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "seed=" + seed);
  }

  @Test
  void aThreadThatDiesPinned_whileOthersWork_doesNotBlockThem() throws Exception {
    try (CapturedWarnings warnings = new CapturedWarnings()) {
      aThreadThatDiesPinned_whileOthersWork_doesNotBlockThem(warnings);
    }
  }

  private void aThreadThatDiesPinned_whileOthersWork_doesNotBlockThem(CapturedWarnings warnings)
      throws Exception {
    long seed = seed();
    PerCpuCounter counter = PerCpuCounter.allocate();
    Thread dying = new Thread(() -> counter.increment(CpuGuard.pin()), "dies-pinned");
    dying.start();
    dying.join();
    int threads = 8;
    runAll(
        threads,
        seed,
        (index, random) -> {
          for (int op = 0; op < OPS_PER_THREAD / 4; op++) {
            try (CpuGuard guard = CpuGuard.pin()) {
              counter.increment(guard);
            }
          }
        });
    assertEquals(1L + threads * (OPS_PER_THREAD / 4), counter.sum(), "seed=" + seed);
    CpuGuard.onEachCpu(guard -> {}); // every slot can still be had
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "seed=" + seed);
    List<String> logged = warnings.messages();
    assertEquals(1, logged.size(), logged + " seed=" + seed);
    assertTrue(logged.get(0).startsWith("WARNING: CPU "), logged + " seed=" + seed);
    assertTrue(logged.get(0).contains("still pinned by thread \"dies-pinned\""), logged.get(0));
  }
}
