package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpuAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dead-owner report runs user code (a {@code System.Logger} handler, here through {@code
 * java.util.logging}) once the reclaiming pin is complete. Every other slot is held by a live
 * thread, so the reclaimed slot is the only one: a handler that pins while the reclaimer is still
 * half way into its pin would wait for that slot forever (the timeout), and one that throws must
 * not leave it taken.
 */
@Timeout(30)
class ReclaimReportTest {
  private final Logger jul = Logger.getLogger("dev.percpu");
  private final List<Thread> holders = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Handler handler;

  @BeforeEach
  void assertionModeOff() {
    AssertionMode.setEnabled(false); // the report goes to the logger only when it is off
    jul.setUseParentHandlers(false); // every report here is provoked: the build log need not see it
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (handler != null) {
      jul.removeHandler(handler);
    }
    jul.setUseParentHandlers(true);
    FaultPoints.arm(null);
    release.countDown();
    for (Thread holder : holders) {
      holder.join();
    }
  }

  @Test
  void aReportHandlerThatPins_nestsInTheReclaimingPin() throws Exception {
    AtomicInteger handlerCpu = new AtomicInteger(-1);
    AtomicInteger handlerDepth = new AtomicInteger(-1);
    install(
        record -> {
          try (CpuGuard guard = CpuGuard.pin()) {
            handlerCpu.set(guard.cpu());
            handlerDepth.set(Pins.current().depth);
          }
        });
    int dead = leaveOnlyADeadOwnersSlot();
    try (CpuGuard guard = CpuGuard.pin()) {
      assertEquals(dead, guard.cpu(), "the only slot not held by a live thread");
      assertEquals(1, Pins.current().depth);
    }
    assertEquals(dead, handlerCpu.get(), "the handler ran, pinned, on the reclaimed slot");
    assertEquals(2, handlerDepth.get(), "the handler's pin nested in the complete one");
    assertFree(dead);
  }

  @Test
  void aReportHandlerThatThrows_leavesTheSlotFree() throws Exception {
    install(
        record -> {
          throw new IllegalStateException("handler fails");
        });
    int dead = leaveOnlyADeadOwnersSlot();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, CpuGuard::pin);
    assertEquals("handler fails", thrown.getMessage());
    assertFree(dead);
  }

  @Test
  void anErrorAtTheReportPoint_leavesTheSlotFree() throws Exception {
    int dead = leaveOnlyADeadOwnersSlot();
    FaultPoints.arm(FaultPoints.Point.RECLAIM_REPORT);
    assertThrows(FaultPoints.InjectedFault.class, CpuGuard::pin);
    assertNull(FaultPoints.armed, "the report point was reached");
    assertFree(dead);
  }

  private void install(Consumer<LogRecord> publish) {
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            publish.accept(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(handler);
  }

  /** Live threads hold all slots but one, and a thread that died pinned holds that one. */
  private int leaveOnlyADeadOwnersSlot() throws InterruptedException {
    for (int k = 0; k < Pins.cpus() - 1; k++) {
      CountDownLatch pinned = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () -> {
                try (CpuGuard guard = CpuGuard.pin()) {
                  pinned.countDown();
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "holder-" + k);
      holder.setDaemon(true);
      holder.start();
      holders.add(holder);
      pinned.await();
    }
    AtomicInteger deadCpu = new AtomicInteger(-1);
    Thread dying = new Thread(() -> deadCpu.set(CpuGuard.pin().cpu()), "dies-pinned");
    dying.start();
    dying.join();
    return deadCpu.get();
  }

  /** The thread is unpinned, {@code cpu} is free (its owner lookup returns), and pins again. */
  private void assertFree(int cpu) throws InterruptedException {
    assertEquals(0, Pins.current().depth);
    assertNull(Pins.owners()[cpu], "CPU " + cpu + " was left taken");
    try (CpuGuard guard = CpuGuard.pin()) {
      assertEquals(cpu, guard.cpu());
    }
    release.countDown();
    for (Thread holder : holders) {
      holder.join();
    }
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }
}
