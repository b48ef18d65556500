package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpuCounter;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A thread that only updates counters unpinned gets no pin state; its first pin creates one. */
class CounterPinStateTest {

  @Test
  @Timeout(30)
  void unpinnedCounterOperations_createNoPinState_untilTheThreadPins() throws Exception {
    PerCpuCounter counter = PerCpuCounter.allocate();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                assertFalse(Pins.hasState(), "a fresh thread has no pin state");
                counter.increment();
                counter.add(41);
                counter.sub(2);
                counter.decrement();
                assertEquals(39, counter.sum());
                assertEquals("39", counter.toString());
                assertFalse(Pins.hasState(), "unpinned counter operations created a pin state");
                assertNull(Pins.currentIfPresent());

                try (CpuGuard guard = CpuGuard.pin()) {
                  assertTrue(Pins.hasState(), "the first pin creates the state");
                  PinState state = Pins.currentIfPresent();
                  assertSame(Thread.currentThread(), state.thread());
                  assertSame(state, Pins.current());
                  // An unpinned-style update on a pinned thread goes to its CPU's value.
                  long before = counter.get(guard);
                  counter.increment();
                  assertEquals(before + 1, counter.get(guard));
                }
                assertTrue(Pins.hasState(), "the state outlives the pin");
                counter.increment();
                assertEquals(41, counter.sum());
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            },
            "unpinned-adder");
    thread.start();
    thread.join();
    done.get();
  }
}
