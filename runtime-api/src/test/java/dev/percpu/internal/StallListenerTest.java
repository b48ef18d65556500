package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threshold property and the report's listener call on a table of its own. */
@Timeout(60)
class StallListenerTest {
  @Test
  void theThreshold_isInMilliseconds_zeroOrLessTurnsItOff_andAMalformedValueIsTheDefault() {
    assertEquals(250_000_000L, StallReport.thresholdNanos(" 250 "));
    assertEquals(0, StallReport.thresholdNanos("0"));
    assertEquals(0, StallReport.thresholdNanos("-5"));
    assertEquals(1_000_000_000L, StallReport.thresholdNanos(null));
    assertEquals(1_000_000_000L, StallReport.thresholdNanos("soon"));
  }

  @Test
  void aWaiterPastTheThreshold_tellsTheListenerOnce_holdingNoSlot_withTheOwnersSnapshot()
      throws InterruptedException {
    CountDownLatch told = new CountDownLatch(1);
    AtomicReference<String> seen = new AtomicReference<>();
    int[] calls = new int[1];
    SlotTable table =
        new SlotTable(
            1,
            (cpu, dead, reclaimer) -> {},
            (waiter, wanted, waited, owners) -> {
              synchronized (calls) {
                calls[0]++;
              }
              // The waiter holds no slot: the one slot is still the owner's.
              seen.set(waiter.getName() + " wants " + wanted + ", owner " + owners[0].getName());
              told.countDown();
            },
            1);
    PinState ownerState = new PinState(Thread.currentThread(), 1);
    table.acquire(ownerState, 0);
    Thread waiter =
        new Thread(
            () -> {
              PinState s = new PinState(Thread.currentThread(), 1);
              table.acquire(s, 0);
              table.release(s, 0);
            },
            "waiter");
    waiter.start();
    told.await();
    table.release(ownerState, 0);
    waiter.join();
    assertEquals("waiter wants 0, owner " + Thread.currentThread().getName(), seen.get());
    synchronized (calls) {
      assertEquals(1, calls[0]);
    }
    assertNull(table.owner(0));
  }
}
