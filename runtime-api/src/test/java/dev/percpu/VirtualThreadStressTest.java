package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of virtual threads over the tests' four CPU slots, through every access path, some of
 * them sleeping while pinned (a virtual thread that sleeps unmounts from its carrier, still holding
 * its slot, and everyone else waiting for that slot must park rather than hold a carrier). The
 * totals are exact and no slot ever has two threads inside. Runs on JDK 21 and later; the runtime
 * is built with {@code --release 17}, so the virtual-thread executor is looked up reflectively.
 * Which pins sleep is fixed by the task and iteration numbers; nothing is random.
 */
@Timeout(300)
class VirtualThreadStressTest {
  private static final int THREADS = 4_000;
  private static final int PINS_PER_THREAD = 25;

  /** A slot's value that notices a second thread inside. */
  static final class Cell {
    long count;
    Thread inside;

    void enter(AtomicReference<String> overlap) {
      Thread me = Thread.currentThread();
      if (inside != null) {
        overlap.compareAndSet(null, me + " entered while " + inside + " was inside");
      }
      inside = me;
    }

    void leave() {
      count++;
      inside = null;
    }
  }

  @Test
  void thousandsOfVirtualThreads_someSleepingWhilePinned_keepExactTotalsAndNoOverlap()
      throws Exception {
    Assumptions.assumeTrue(
        Runtime.version().feature() >= 21,
        "virtual threads need JDK 21 or later; this is JDK " + Runtime.version());
    PerCpu<Cell> cells = PerCpu.allocate(Cell::new);
    PerCpuCounter pinnedCounter = PerCpuCounter.allocate();
    PerCpuCounter unpinnedCounter = PerCpuCounter.allocate();
    AtomicReference<String> overlap = new AtomicReference<>();
    List<Future<?>> tasks = new ArrayList<>();
    ExecutorService virtualThreads = newVirtualThreadPerTaskExecutor();
    try {
      for (int t = 0; t < THREADS; t++) {
        int task = t;
        tasks.add(
            virtualThreads.submit(
                () -> {
                  for (int i = 0; i < PINS_PER_THREAD; i++) {
                    // One pin in thirteen sleeps while pinned: the workload, not synchronisation.
                    boolean sleep = (task * PINS_PER_THREAD + i) % 13 == 0;
                    switch (i % 3) {
                      case 0 ->
                          cells.with(
                              c -> {
                                c.enter(overlap);
                                pause(sleep);
                                c.leave();
                              });
                      case 1 -> {
                        try (CpuGuard guard = CpuGuard.pin()) {
                          cells
                              .get(guard)
                              .with(
                                  c -> {
                                    c.enter(overlap);
                                    pause(sleep);
                                    c.leave();
                                  });
                          pinnedCounter.increment(guard);
                        }
                      }
                      default -> unpinnedCounter.increment();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get(); // rethrows a task's failure
      }
    } finally {
      virtualThreads.shutdownNow();
      assertTrue(virtualThreads.awaitTermination(1, TimeUnit.MINUTES), "tasks still running");
    }
    assertNull(overlap.get());
    long perThreadPinned = (PINS_PER_THREAD + 2) / 3 + (PINS_PER_THREAD + 1) / 3;
    long[] total = {0};
    CpuGuard.onEachCpu(guard -> cells.get(guard).with(c -> total[0] += c.count));
    assertEquals(THREADS * perThreadPinned, total[0], "entries counted over every slot");
    assertEquals(THREADS * ((PINS_PER_THREAD + 1) / 3L), pinnedCounter.sum());
    assertEquals(THREADS * (PINS_PER_THREAD / 3L), unpinnedCounter.sum());
    assertTrue(PerCpuAssertions.pinnedSlots().isEmpty(), () -> PerCpuAssertions.pinnedSlots() + "");
  }

  private static void pause(boolean sleep) {
    if (sleep) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while pinned", e);
      }
    }
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}, JDK 21+, without compiling against it. */
  private static ExecutorService newVirtualThreadPerTaskExecutor() throws Exception {
    return (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
  }
}
