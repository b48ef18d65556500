package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PerCpuCounterTest {

  /**
   * An unpinned thread that collided moves its probe by bumping its salt; whatever two threads'
   * ids, some few bumps of one of them put it on another CPU, so colliding threads settle apart.
   */
  @Test
  void probe_staysInRangeAndAMovedThreadReachesEveryCpu() {
    for (int cpus : new int[] {1, 2, 3, 8, 64}) {
      for (long id = 1; id < 200; id++) {
        boolean[] seen = new boolean[cpus];
        int reached = 0;
        for (int salt = 0; salt < 64 * cpus && reached < cpus; salt++) {
          int cpu = PerCpuCounter.probe(id, salt, cpus);
          assertTrue(cpu >= 0 && cpu < cpus, "probe " + cpu + " out of [0, " + cpus + ")");
          if (!seen[cpu]) {
            seen[cpu] = true;
            reached++;
          }
        }
        assertEquals(cpus, reached, "thread " + id + " never reached some CPU of " + cpus);
      }
    }
  }

  /**
   * Thread ids are handed out consecutively, so the probe must spread a run of consecutive ids over
   * the CPUs, not just reach every CPU eventually: no CPU takes more than a quarter above its
   * share.
   */
  @Test
  void probe_spreadsConsecutiveThreadIdsEvenly() {
    for (int cpus : new int[] {2, 3, 4, 8, 64}) {
      for (int salt : new int[] {0, 1, 7}) {
        int[] hits = new int[cpus];
        int ids = 64 * cpus;
        for (long id = 1; id <= ids; id++) {
          hits[PerCpuCounter.probe(id, salt, cpus)]++;
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
          assertTrue(
              hits[cpu] <= 64 + 16,
              "CPU "
                  + cpu
                  + " of "
                  + cpus
                  + " took "
                  + hits[cpu]
                  + " of "
                  + ids
                  + " ids, salt "
                  + salt);
        }
      }
    }
  }

  @Test
  void aNewCounter_isZeroOnEveryCpu() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    assertEquals(0L, counter.sum());
    assertArrayEquals(new long[CpuGuard.possibleCpus()], counter.snapshot());
  }

  @Test
  void unpinnedOperations_addUpInTheSum() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    counter.add(10);
    counter.sub(3);
    counter.increment();
    counter.increment();
    counter.decrement();
    assertEquals(8L, counter.sum());
  }

  @Test
  void pinnedOperations_changeTheGuardsCpuOnly() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.add(guard, 5);
      counter.increment(guard);
      counter.decrement(guard);
      counter.sub(guard, 2);
      assertEquals(3L, counter.get(guard));
      assertEquals(4L, counter.addAndGet(guard, 1));
      assertEquals(1L, counter.subAndGet(guard, 3));
      counter.increment(); // unpinned form on a pinned thread: still this CPU
      long[] expected = new long[CpuGuard.possibleCpus()];
      expected[guard.cpu()] = 2;
      assertArrayEquals(expected, counter.snapshot());
      assertEquals(2L, counter.get(guard.cpu()));
    }
  }

  @Test
  void unpinnedAndPinnedUpdatesOfOneCpu_bothCount() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    CpuGuard.onEachCpu(guard -> counter.add(guard, 100));
    counter.add(7); // unpinned: lands on some CPU's shared cell
    assertEquals(4 * 100 + 7, counter.sum());
    long perCpuTotal = 0;
    for (long v : counter.snapshot()) {
      perCpuTotal += v;
    }
    assertEquals(counter.sum(), perCpuTotal);
  }

  @Test
  void arithmeticWrapsAround_likeTheKernels() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.add(guard, Long.MAX_VALUE);
      assertEquals(Long.MIN_VALUE, counter.addAndGet(guard, 1));
    }
  }

  @Test
  void getOfAnImpossibleCpu_throwsNamingIt() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> counter.get(4));
    assertEquals("cpu 4 is not a possible CPU: possible CPUs are 0 to 3", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> counter.get(-1));
  }

  @Test
  void aClosedGuard_orAnotherThreadsGuard_isRejected() throws InterruptedException {
    PerCpuCounter counter = PerCpuCounter.allocate();
    CpuGuard closed = CpuGuard.pin();
    closed.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> counter.increment(closed));
    assertTrue(
        e.getMessage().contains("CpuGuard passed to PerCpuCounter used after its CpuGuard"),
        e.getMessage());
    try (CpuGuard guard = CpuGuard.pin()) {
      List<Throwable> thrown = new ArrayList<>();
      Threads.runOnOtherThread(
          () -> thrown.add(assertThrows(IllegalStateException.class, () -> counter.add(guard, 1))));
      assertTrue(
          thrown.get(0).getMessage().contains("used on thread \"other\""),
          thrown.get(0).getMessage());
    }
    assertEquals(0L, counter.sum(), "rejected updates change nothing");
  }

  @Test
  void aNullGuard_throwsNamingIt() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    assertEquals(
        "guard", assertThrows(NullPointerException.class, () -> counter.add(null, 1)).getMessage());
    assertEquals(
        "guard",
        assertThrows(NullPointerException.class, () -> counter.addAndGet(null, 1)).getMessage());
    assertEquals(
        "guard",
        assertThrows(NullPointerException.class, () -> counter.get((CpuGuard) null)).getMessage());
  }

  @Test
  void toString_isTheSum() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    counter.add(42);
    assertEquals("42", counter.toString());
  }
}
