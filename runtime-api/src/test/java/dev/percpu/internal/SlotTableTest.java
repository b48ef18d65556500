package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The slot table on its own, with tables private to each test. */
class SlotTableTest {
  private static final SlotTable.DeadOwnerListener NO_DEATHS =
      (cpu, dead, reclaimer) -> {
        throw new AssertionError(
            "no thread dies in this test, yet " + dead.getName() + " was reclaimed");
      };

  /**
   * Many more threads than slots, waiting for any slot or for one particular slot, holding each
   * long enough that waiters park. Only the park right after a waiter (re-)arms itself (the short
   * one that covers a release racing the waiter's arm-and-scan) and the back-off of a waiter that
   * is not armed are timed here; every other park of an armed waiter has no time limit, so a
   * wake-up lost there would leave a thread parked forever and the timeout would fail the test.
   */
  @Test
  @Timeout(120)
  void pastTheShortParkAfterArming_signallingAloneWakesEveryWaiter() throws Exception {
    long seed = Long.getLong("percpu.test.seed", System.nanoTime());
    int cpus = 2;
    int threads = 8;
    int rounds = 3_000;
    SlotTable table = new SlotTable(cpus, NO_DEATHS, false);
    AtomicIntegerArray holders = new AtomicIntegerArray(cpus);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  Random random = new Random(seed + index);
                  PinState state = new PinState(Thread.currentThread(), cpus);
                  start.await();
                  for (int r = 0; r < rounds; r++) {
                    int cpu;
                    if (random.nextInt(4) == 0) {
                      cpu = random.nextInt(cpus);
                      table.acquire(state, cpu);
                    } else {
                      cpu = table.acquireAny(state);
                    }
                    if (holders.incrementAndGet(cpu) != 1) {
                      throw new AssertionError("two owners of slot " + cpu);
                    }
                    Thread.yield(); // hold the slot a little, so that others run out of slots and
                    // park
                    holders.decrementAndGet(cpu);
                    table.release(state, cpu);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "slot-user-" + t);
      thread.setDaemon(true); // a stranded waiter must not keep the JVM alive after the timeout
      started.add(thread);
      thread.start();
    }
    for (Thread thread : started) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError("seed=" + seed, failure.get());
    }
    for (int cpu = 0; cpu < cpus; cpu++) {
      assertEquals(null, table.owner(cpu), "seed=" + seed);
    }
    assertTrue(table.parks() > 0, "no thread ever parked, so signalling was not exercised");
  }

  @Test
  void aTableNeedsAtLeastOneSlot() {
    assertThrows(IllegalArgumentException.class, () -> new SlotTable(0, NO_DEATHS));
  }

  @Test
  void theOwnersSnapshot_showsWhoHoldsWhat() {
    SlotTable table = new SlotTable(3, NO_DEATHS);
    PinState state = new PinState(Thread.currentThread(), 3);
    table.acquire(state, 1);
    Thread[] owners = table.owners();
    assertEquals(3, owners.length);
    assertEquals(null, owners[0]);
    assertEquals(Thread.currentThread(), owners[1]);
    table.release(state, 1);
    assertEquals(null, table.owners()[1]);
  }
}
