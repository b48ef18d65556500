package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuAssertions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@link Error} at each named point of pin, unpin, enter and exit (see {@link FaultPoints})
 * leaves no slot taken: the thread is back at depth 0 with no entry, it can pin again, and {@code
 * pinnedSlots()} returns and is empty. The timeout catches a hang (a thread waiting for itself, or
 * an owner lookup spinning on an unpublished holder).
 */
@Timeout(30)
class FaultInjectionTest {
  private static final PerCpu<int[]> COUNTS = PerCpu.allocate(() -> new int[1]);

  @AfterEach
  void disarm() {
    FaultPoints.arm(null);
    AssertionMode.setEnabled(false);
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoints.Point.class,
      names = {"PIN_TAKEN", "PIN_BEGUN", "PIN_GUARD", "UNPIN_POPPED", "UNPIN_RELEASED"})
  void anErrorInAGuardsPinOrClose_leavesNoSlotTaken(FaultPoints.Point point) {
    for (boolean assertions : new boolean[] {false, true}) {
      AssertionMode.setEnabled(assertions);
      FaultPoints.arm(point);
      assertThrows(
          FaultPoints.InjectedFault.class,
          () -> {
            try (CpuGuard guard = CpuGuard.pin()) {
              assertSame(Thread.currentThread(), Pins.owners()[guard.cpu()]);
            }
          },
          point + (assertions ? " in assertion mode" : ""));
      assertRecovered(point);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = FaultPoints.Point.class,
      names = {
        "PIN_TAKEN",
        "PIN_BEGUN",
        "ENTER",
        "EXIT",
        "UNPIN_CALL",
        "UNPIN_POPPED",
        "UNPIN_RELEASED"
      })
  void anErrorInWith_leavesNoSlotTakenAndNoEntry(FaultPoints.Point point) {
    for (boolean assertions : new boolean[] {false, true}) {
      AssertionMode.setEnabled(assertions);
      FaultPoints.arm(point);
      assertThrows(
          FaultPoints.InjectedFault.class,
          () -> COUNTS.with(count -> count[0]++),
          point + (assertions ? " in assertion mode" : ""));
      assertRecovered(point);
    }
  }

  /** A guard opened around the failing {@code with}: the entry must not outlive the closure. */
  @ParameterizedTest
  @ValueSource(strings = {"ENTER", "EXIT"})
  void anErrorEnteringOrExitingUnderAGuard_stillLetsTheGuardClose(String name) {
    FaultPoints.Point point = FaultPoints.Point.valueOf(name);
    try (CpuGuard guard = CpuGuard.pin()) {
      FaultPoints.arm(point);
      assertThrows(
          FaultPoints.InjectedFault.class,
          () -> COUNTS.get(guard).with(count -> count[0]++),
          point.toString());
      assertEquals(0, Pins.current().entries, "the failed entry was popped");
    }
    assertRecovered(point);
  }

  /**
   * An Error at the very call into the unpin of {@code with}, {@code apply} or {@code onEachCpu} (a
   * stack overflow there) leaves the pin whole with nobody to close it; the entering method records
   * it as owed, and the thread's next pin or close unpins it first. Under an open guard, that
   * guard's close pays the debt and then closes normally, instead of refusing as out of order.
   */
  @ParameterizedTest
  @ValueSource(strings = {"with", "apply", "onEachCpu", "with under a guard"})
  void anErrorAtTheCallIntoTheUnpin_isOwedAndPaidByTheNextPinOrClose(String how) {
    FaultPoints.Point point = FaultPoints.Point.UNPIN_CALL;
    if (how.equals("with under a guard")) {
      try (CpuGuard guard = CpuGuard.pin()) {
        FaultPoints.arm(point);
        assertThrows(FaultPoints.InjectedFault.class, () -> COUNTS.with(count -> count[0]++));
        assertEquals(2, Pins.currentIfPresent().depth, "the failed unpin left its level");
        assertEquals(1, Pins.currentIfPresent().owedUnpins, "and owes it");
      } // closes without a misuse exception: the owed level goes first
    } else {
      FaultPoints.arm(point);
      assertThrows(
          FaultPoints.InjectedFault.class,
          () -> {
            switch (how) {
              case "with" -> COUNTS.with(count -> count[0]++);
              case "apply" -> COUNTS.apply(count -> count[0]++);
              default -> CpuGuard.onEachCpu(guard -> COUNTS.get(guard).with(count -> count[0]++));
            }
          });
      PinState state = Pins.currentIfPresent(); // looks without paying
      assertEquals(1, state.depth, how + ": the failed unpin left its level");
      assertEquals(1, state.owedUnpins, how + ": and owes it");
    }
    assertRecovered(point); // its Pins.current() pays what is still owed
  }

  /**
   * After a fault: nothing armed any more, the thread at depth 0 with no entry, and after one more
   * pin and unpin no slot taken at all. The one place where an Error can still leave a slot taken
   * is the call that releases it ({@code UNPIN_POPPED}); the slot then stays visibly owned by this
   * live thread (its holder is published, so the owner lookup returns) and its next pin takes it
   * back, which is what the second half checks.
   */
  private static void assertRecovered(FaultPoints.Point point) {
    assertNull(FaultPoints.armed, point + " was reached");
    PinState state = Pins.current();
    assertEquals(0, state.depth, point + ": depth");
    assertEquals(0, state.entries, point + ": entries");
    Thread[] owners = Pins.owners(); // returns: no holder left unpublished
    for (int cpu = 0; cpu < owners.length; cpu++) {
      if (point == FaultPoints.Point.UNPIN_POPPED && owners[cpu] == Thread.currentThread()) {
        continue; // taken back by the pin below
      }
      assertNull(owners[cpu], point + ": CPU " + cpu + " is taken right after the fault");
    }
    try (CpuGuard again = CpuGuard.pin()) {
      COUNTS.get(again).with(count -> count[0]++);
    }
    COUNTS.with(count -> count[0]++);
    assertEquals(
        Arrays.asList(new Thread[owners.length]),
        Arrays.asList(Pins.owners()),
        point + ": every slot free after pinning again");
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), point.toString());
  }
}
