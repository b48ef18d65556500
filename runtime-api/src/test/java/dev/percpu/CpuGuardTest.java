package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CpuGuardTest {

  @AfterEach
  void noSlotIsLeftPinned() {
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void possibleCpus_comesFromTheSystemProperty() {
    assertEquals(Integer.getInteger("percpu.cpus"), CpuGuard.possibleCpus());
    assertEquals(4, CpuGuard.possibleCpus());
  }

  @Test
  void pin_givesACpuInRange() {
    try (CpuGuard guard = CpuGuard.pin()) {
      assertTrue(guard.cpu() >= 0 && guard.cpu() < CpuGuard.possibleCpus(), guard.toString());
    }
  }

  @Test
  void nestedPin_staysOnTheSameCpu() {
    try (CpuGuard outer = CpuGuard.pin()) {
      try (CpuGuard inner = CpuGuard.pin()) {
        assertEquals(outer.cpu(), inner.cpu());
        try (CpuGuard innermost = CpuGuard.pin()) {
          assertEquals(outer.cpu(), innermost.cpu());
        }
      }
      assertEquals(1, PerCpuAssertions.pinnedSlots().size(), "the outer pin still holds its slot");
    }
  }

  @Test
  void closingTheOutermostGuard_releasesTheSlot() {
    CpuGuard guard = CpuGuard.pin();
    assertEquals(1, PerCpuAssertions.pinnedSlots().size());
    guard.close();
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void closingTwice_throwsNamingIt() {
    CpuGuard guard = CpuGuard.pin();
    guard.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, guard::close);
    assertTrue(e.getMessage().contains("closed twice"), e.getMessage());
    assertTrue(e.getMessage().contains("CPU " + guard.cpu()), e.getMessage());
  }

  @Test
  void closingOnAnotherThread_throwsAndKeepsThePin() throws InterruptedException {
    try (CpuGuard guard = CpuGuard.pin()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Threads.runOnOtherThread(
          () -> thrown.set(assertThrows(IllegalStateException.class, guard::close)));
      String message = thrown.get().getMessage();
      assertTrue(message.contains("closed on thread \"other\""), message);
      assertTrue(
          message.contains("pinned by thread \"" + Thread.currentThread().getName()), message);
      assertEquals(guard.cpu(), PerCpuAssertions.pinnedSlots().get(0).cpu());
    }
  }

  @Test
  void closingOutOfLifoOrder_throwsAndKeepsBothOpen() {
    CpuGuard outer = CpuGuard.pin();
    CpuGuard inner = CpuGuard.pin();
    IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
    assertTrue(e.getMessage().contains("out of LIFO order"), e.getMessage());
    assertTrue(
        e.getMessage().contains("1 guard(s) opened after it are still open"), e.getMessage());
    inner.close();
    outer.close();
  }

  @Test
  void closingTheGuardInsideAClosureEnteredUnderIt_throws() {
    PerCpu<int[]> values = PerCpu.allocate(() -> new int[1]);
    try (CpuGuard guard = CpuGuard.pin()) {
      values
          .get(guard)
          .with(
              v -> {
                IllegalStateException e = assertThrows(IllegalStateException.class, guard::close);
                assertTrue(
                    e.getMessage()
                        .contains("while a with/apply closure entered under it is still running"),
                    e.getMessage());
              });
    }
  }

  @Test
  void aGuardOpenedInsideAClosure_closesNormally() {
    PerCpu<int[]> values = PerCpu.allocate(() -> new int[1]);
    values.with(
        v -> {
          try (CpuGuard inner = CpuGuard.pin()) {
            v[0] = inner.cpu();
          }
        });
  }

  @Test
  void pinnedThreads_neverShareASlot() throws Exception {
    int cpus = CpuGuard.possibleCpus();
    CyclicBarrier allPinned = new CyclicBarrier(cpus);
    Set<Integer> seen = java.util.Collections.synchronizedSet(new HashSet<>());
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < cpus; t++) {
      Thread thread =
          new Thread(
              () -> {
                try (CpuGuard guard = CpuGuard.pin()) {
                  assertTrue(seen.add(guard.cpu()), "CPU " + guard.cpu() + " pinned twice at once");
                  allPinned.await(); // everyone holds a pin at the same moment
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Threads.rethrow(failure.get());
    assertEquals(cpus, seen.size());
  }

  @Test
  void whenEverySlotIsTaken_pinWaitsUntilOneIsReleased() throws Exception {
    int cpus = CpuGuard.possibleCpus();
    List<Threads.Holder> holders = new ArrayList<>();
    Set<Integer> held = new HashSet<>();
    for (int i = 0; i < cpus; i++) {
      Threads.Holder holder = new Threads.Holder("holder-" + i);
      holders.add(holder);
      held.add(holder.awaitPinned());
    }
    assertEquals(cpus, held.size());

    AtomicInteger waiterCpu = new AtomicInteger(-1);
    Thread waiter =
        new Thread(
            () -> {
              try (CpuGuard guard = CpuGuard.pin()) {
                waiterCpu.set(guard.cpu());
              }
            },
            "waiter");
    waiter.start();
    Threads.awaitParked(waiter);
    assertEquals(-1, waiterCpu.get(), "the waiter must not pin while every slot is taken");

    int freed = holders.get(2).awaitPinned();
    holders.get(2).close();
    waiter.join();
    assertEquals(freed, waiterCpu.get(), "the waiter takes the only slot that was freed");
    for (Threads.Holder holder : holders) {
      holder.close();
    }
  }

  @Test
  void aThreadThatDiesPinned_doesNotBlockOthers() throws Exception {
    try (CapturedWarnings warnings = new CapturedWarnings()) {
      aThreadThatDiesPinned_doesNotBlockOthers(warnings);
    }
  }

  private void aThreadThatDiesPinned_doesNotBlockOthers(CapturedWarnings warnings)
      throws Exception {
    AtomicInteger deadCpu = new AtomicInteger(-1);
    Thread dying = new Thread(() -> deadCpu.set(CpuGuard.pin().cpu()), "dies-pinned");
    dying.start();
    dying.join();

    List<PinnedSlot> pinned = PerCpuAssertions.pinnedSlots();
    assertEquals(1, pinned.size());
    assertEquals(deadCpu.get(), pinned.get(0).cpu());
    assertFalse(pinned.get(0).threadAlive());
    assertTrue(pinned.get(0).toString().contains("which has died"), pinned.get(0).toString());

    // Every slot is needed, the dead thread's one included.
    List<Integer> visited = new ArrayList<>();
    CpuGuard.onEachCpu(guard -> visited.add(guard.cpu()));
    assertEquals(CpuGuard.possibleCpus(), visited.size());
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "the dead thread's slot was reclaimed");
    // The reclaim is reported (here captured, not printed).
    assertEquals(
        List.of(
            "WARNING: CPU "
                + deadCpu.get()
                + " was still pinned by thread \"dies-pinned\", which died without closing its"
                + " CpuGuard; thread \""
                + Thread.currentThread().getName()
                + "\" reclaimed the slot"),
        warnings.messages());
  }

  @Test
  void onEachCpu_runsOncePerCpuInOrder_pinnedToThatCpu() {
    List<Integer> visited = new ArrayList<>();
    CpuGuard.onEachCpu(
        guard -> {
          visited.add(guard.cpu());
          try (CpuGuard nested = CpuGuard.pin()) {
            assertEquals(guard.cpu(), nested.cpu(), "a pin inside the callback stays on its CPU");
          }
          assertEquals(guard.cpu(), PerCpuAssertions.pinnedSlots().get(0).cpu());
        });
    List<Integer> expected = new ArrayList<>();
    for (int cpu = 0; cpu < CpuGuard.possibleCpus(); cpu++) {
      expected.add(cpu);
    }
    assertEquals(expected, visited);
  }

  @Test
  void onEachCpu_waitsForTheCurrentOwnerOfASlot() throws Exception {
    try (Threads.Holder holder = new Threads.Holder("holder")) {
      int held = holder.awaitPinned();
      List<Integer> visited = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread walker =
          new Thread(() -> CpuGuard.onEachCpu(guard -> visited.add(guard.cpu())), "walker");
      walker.start();
      Threads.awaitParked(walker);
      assertFalse(visited.contains(held), "the held CPU is visited only after its owner unpins");
      assertEquals(held, visited.size(), "every CPU before the held one was visited");
      holder.close();
      walker.join();
      assertEquals(CpuGuard.possibleCpus(), visited.size());
    }
  }

  @Test
  void onEachCpu_whilePinned_throwsInsteadOfDeadlocking() {
    try (CpuGuard guard = CpuGuard.pin()) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> CpuGuard.onEachCpu(g -> {}));
      assertTrue(
          e.getMessage().contains("while it is pinned to CPU " + guard.cpu()), e.getMessage());
    }
  }

  @Test
  void onEachCpu_anExceptionFromTheActionPropagatesAndUnpins() {
    RuntimeException boom = new RuntimeException("boom");
    List<Integer> visited = new ArrayList<>();
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                CpuGuard.onEachCpu(
                    guard -> {
                      visited.add(guard.cpu());
                      if (guard.cpu() == 1) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
    assertEquals(List.of(0, 1), visited);
  }

  @Test
  void onEachCpu_theActionMayCloseItsGuard() {
    AtomicInteger calls = new AtomicInteger();
    CpuGuard.onEachCpu(
        guard -> {
          calls.incrementAndGet();
          guard.close();
        });
    assertEquals(CpuGuard.possibleCpus(), calls.get());
  }

  @Test
  void onEachCpu_nullAction_throwsNamingIt() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> CpuGuard.onEachCpu(null));
    assertEquals("action", e.getMessage());
  }

  @Test
  void interruptedWhileWaiting_keepsWaitingAndKeepsTheInterrupt() throws Exception {
    int cpus = CpuGuard.possibleCpus();
    List<Threads.Holder> holders = new ArrayList<>();
    for (int i = 0; i < cpus; i++) {
      Threads.Holder holder = new Threads.Holder("holder-" + i);
      holder.awaitPinned();
      holders.add(holder);
    }
    AtomicReference<Boolean> interruptedAfterPin = new AtomicReference<>();
    Thread waiter =
        new Thread(
            () -> {
              try (CpuGuard guard = CpuGuard.pin()) {
                assertNotNull(guard);
                interruptedAfterPin.set(Thread.currentThread().isInterrupted());
              }
            },
            "waiter");
    waiter.start();
    Threads.awaitParked(waiter);
    waiter.interrupt();
    Threads.awaitParked(waiter); // parked again: an interrupt does not make it spin or give up
    holders.get(0).close();
    waiter.join();
    assertEquals(Boolean.TRUE, interruptedAfterPin.get());
    for (Threads.Holder holder : holders) {
      holder.close();
    }
  }

  @Test
  void guardToString_saysCpuDepthAndWhetherClosed() {
    CpuGuard guard = CpuGuard.pin();
    assertEquals("CpuGuard[cpu=" + guard.cpu() + ", depth=1]", guard.toString());
    guard.close();
    assertNotEquals(-1, guard.cpu());
    assertTrue(guard.toString().endsWith(", closed]"));
  }
}
