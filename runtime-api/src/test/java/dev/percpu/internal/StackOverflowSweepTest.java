package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuAssertions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real stack overflows, not injected ones: a thread recurses, running a pin at every level, until
 * the stack overflows, which happens at some point inside the pin, the closure or the unpin. A
 * seeded random padding before each dive moves that point, so the dives sweep the positions around
 * the overflow. After each dive the thread must have no entry; after the runtime's own unpins
 * ({@code with}, {@code apply}, {@code onEachCpu}) nothing may be left pinned once the next pin has
 * paid what an overflow at their call into the unpin left owed; after a caller's {@code close()}
 * the thread may still be consistently pinned only if the overflow struck at that very call, before
 * any runtime code ran (counted and printed); and after one more pin no slot may be taken. Bounded:
 * a fixed number of dives on a small stack.
 */
@Timeout(120)
class StackOverflowSweepTest {
  private static final int DIVES = 600;
  private static final PerCpu<int[]> COUNTS = PerCpu.allocate(() -> new int[1]);

  /**
   * Operations whose unpin is the runtime's own ({@code with}, {@code apply}, {@code onEachCpu}):
   * an overflow at their call into the unpin leaves a debt that the next pin pays, so afterwards
   * nothing at all may be left pinned.
   */
  private static final Runnable[] RUNTIME_UNPINS = {
    () -> COUNTS.with(count -> count[0]++),
    () -> COUNTS.apply(count -> count[0]++),
    () -> CpuGuard.onEachCpu(guard -> COUNTS.get(guard).with(count -> count[0]++)),
  };

  /**
   * Operations whose unpin is a call in the caller's code (try-with-resources calling {@code
   * close()}): an overflow at that very call happens before any runtime code runs.
   */
  private static final Runnable[] CALLER_UNPINS = {
    () -> {
      try (CpuGuard guard = CpuGuard.pin()) {
        guard.cpu();
      }
    },
    () -> {
      try (CpuGuard guard = CpuGuard.pin()) {
        COUNTS.get(guard).with(count -> count[0]++);
      }
    },
  };

  @Test
  void anOverflowAnywhereInPinEntryOrUnpin_leavesNoSlotTaken() throws Exception {
    long seed = Long.getLong("percpu.test.seed", System.nanoTime());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread diver =
        new Thread(
            null,
            () -> {
              try {
                sweep(new Random(seed));
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "diver",
            256 * 1024);
    diver.start();
    diver.join();
    if (failure.get() != null) {
      throw new AssertionError("seed=" + seed + " (rerun with -Dpercpu.test.seed)", failure.get());
    }
  }

  private static void sweep(Random random) {
    int owedUnpinsPaid = 0;
    int callerClosesThatNeverBegan = 0;
    for (int dive = 0; dive < DIVES; dive++) {
      boolean runtimeUnpins = dive % 2 == 0;
      Runnable[] operations = runtimeUnpins ? RUNTIME_UNPINS : CALLER_UNPINS;
      Runnable operation = operations[(dive / 2) % operations.length];
      try {
        pad(random.nextInt(64), operation);
        throw new AssertionError("the stack did not overflow");
      } catch (StackOverflowError expected) {
        // unwound to here: check what the overflow left behind
      }
      String where = "dive " + dive;
      PinState state = Pins.currentIfPresent(); // not current(): that would pay the debt
      assertEquals(0, state.entries, where + ": entries");
      if (runtimeUnpins) {
        // Whatever the overflow left pinned is owed, and the next pin (here: current()) pays it.
        assertEquals(state.owedUnpins, state.depth, where + ": every level left is owed");
        owedUnpinsPaid += state.owedUnpins;
        assertEquals(0, Pins.current().depth, where + ": depth after paying");
      } else {
        assertEquals(0, state.owedUnpins, where + ": owed unpins");
        if (state.depth != 0) {
          // The overflow struck at the caller's call into close(), before any runtime code ran:
          // the pin is whole and consistent (this thread still owns its slot, published), as a
          // lock is still held when its unlock() overflows at entry. Finish that unpin here.
          assertEquals(1, state.depth, where + ": depth");
          assertSame(Thread.currentThread(), Pins.owners()[state.cpu], where + ": owner");
          Pins.unpin(state);
          callerClosesThatNeverBegan++;
        }
      }
      // A slot whose release the overflow cut short is still this thread's; this pin takes it back.
      operation.run();
      assertEquals(
          Arrays.asList(new Thread[Pins.cpus()]),
          Arrays.asList(Pins.owners()),
          where + ": every slot free");
    }
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
    System.out.println(
        "StackOverflowSweepTest: "
            + DIVES
            + " dives; the runtime's own unpins: "
            + owedUnpinsPaid
            + " owed after an overflow at their call and paid by the next pin; the caller's"
            + " close(): "
            + callerClosesThatNeverBegan
            + " overflowed at the call, before any runtime code ran");
  }

  /** Uses a little stack, differently from {@link #dive}, so each dive overflows elsewhere. */
  private static void pad(int frames, Runnable operation) {
    if (frames == 0) {
      dive(operation);
    } else {
      pad(frames - 1, operation);
    }
  }

  private static void dive(Runnable operation) {
    operation.run();
    dive(operation);
  }
}
