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
 * the overflow. After each dive the thread must have no entry, no slot may be owned by it unless it
 * is still consistently pinned (an overflow at the very call into {@code close()}/{@code unpin()},
 * which cannot be undone from Java; counted and printed), and after one more pin no slot may be
 * taken. Bounded: a fixed number of dives on a small stack.
 */
@Timeout(120)
class StackOverflowSweepTest {
  private static final int DIVES = 600;
  private static final PerCpu<int[]> COUNTS = PerCpu.allocate(() -> new int[1]);

  private static final Runnable[] OPERATIONS = {
    () -> COUNTS.with(count -> count[0]++),
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
    int unpinsThatNeverBegan = 0;
    for (int dive = 0; dive < DIVES; dive++) {
      Runnable operation = OPERATIONS[dive % OPERATIONS.length];
      try {
        pad(random.nextInt(64), operation);
        throw new AssertionError("the stack did not overflow");
      } catch (StackOverflowError expected) {
        // unwound to here: check what the overflow left behind
      }
      PinState state = Pins.current();
      String where = "dive " + dive;
      assertEquals(0, state.entries, where + ": entries");
      if (state.depth != 0) {
        // The overflow struck at the call into close() or unpin(), before either changed anything:
        // the pin is whole and consistent (this thread still owns its slot, published), as a lock
        // is still held when its unlock() overflows at entry. Finish that unpin here.
        assertEquals(1, state.depth, where + ": depth");
        assertSame(Thread.currentThread(), Pins.owners()[state.cpu], where + ": owner");
        Pins.unpin(state);
        unpinsThatNeverBegan++;
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
            + " dives, "
            + unpinsThatNeverBegan
            + " overflowed at the call into close()/unpin() before it began");
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
