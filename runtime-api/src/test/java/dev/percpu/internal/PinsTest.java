package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The calling thread's state, found through the id-indexed cache or the thread-local. */
class PinsTest {

  @Test
  void current_isTheCallersOwnStateEveryTime() {
    PinState state = Pins.current();
    assertSame(Thread.currentThread(), state.thread());
    assertSame(state, Pins.current());
  }

  /**
   * Two live threads whose ids share a cache entry: each must still get its own state, whichever of
   * them the entry holds.
   */
  @Test
  @Timeout(30)
  @SuppressWarnings("deprecation") // Thread.getId(), as Pins uses it on JDK 17
  void threadsWhoseIdsCollideInTheCache_eachGetTheirOwnState() throws Exception {
    CountDownLatch firstInstalled = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    CompletableFuture<PinState> firstState = new CompletableFuture<>();
    CompletableFuture<PinState> firstAgain = new CompletableFuture<>();
    Thread first =
        new Thread(
            () -> {
              firstState.complete(Pins.current());
              firstInstalled.countDown();
              await(secondDone);
              firstAgain.complete(Pins.current());
            },
            "first");
    first.start();
    firstInstalled.await();
    // Thread ids are handed out in sequence: make threads until one shares the first one's entry.
    Thread second;
    do {
      second =
          new Thread(
              () -> {
                PinState mine = Pins.current();
                assertSame(Thread.currentThread(), mine.thread());
                assertSame(mine, Pins.current());
                secondDone.countDown();
              },
              "second");
    } while (((second.getId() - first.getId()) & (Pins.CACHE_SIZE - 1)) != 0);
    CompletableFuture<Throwable> secondFailure = new CompletableFuture<>();
    second.setUncaughtExceptionHandler((t, e) -> secondFailure.complete(e));
    second.start();
    second.join();
    if (secondFailure.isDone()) {
      throw new AssertionError(secondFailure.get());
    }
    first.join();
    assertSame(first, firstState.get().thread());
    assertSame(firstState.get(), firstAgain.get(1, TimeUnit.SECONDS));
    assertNotSame(firstState.get(), Pins.current());
  }

  /**
   * The cache holds states strongly, so a state must hold its thread weakly: a thread that pinned
   * and died must become collectable (and with it its context class loader) once the slot table no
   * longer names it as a slot's last owner.
   */
  @Test
  @Timeout(60)
  void aDeadThreadsCachedState_doesNotKeepTheThreadReachable() throws Exception {
    WeakReference<Thread> dead = startPinAndJoin();
    PinState mine = Pins.current();
    for (int cpu = 0; cpu < Pins.cpus(); cpu++) {
      // Each slot's last owner, which the slot table keeps for its reports, becomes this thread.
      Pins.pinTo(mine, cpu);
      Pins.unpin(mine);
    }
    // A bounded number of full collections, not a wait: the first one clears it under G1.
    for (int attempt = 0; attempt < 10 && dead.get() != null; attempt++) {
      System.gc();
    }
    assertNull(dead.get(), "a dead thread that pinned is still reachable");
  }

  /** A thread that pins once and dies; only a weak reference to it is left. */
  private static WeakReference<Thread> startPinAndJoin() throws InterruptedException {
    Thread thread = new Thread(() -> Pins.unpin(Pins.pin()), "pins-once-and-dies");
    thread.start();
    thread.join();
    return new WeakReference<>(thread);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
