import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one pin walk through more shapes: chains of held closures, closures run by a library method
 * inside a guard, every form of a guard resource, private pinning helpers reached in other ways.
 */
class BlockingPinShapes {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  @MayBlock
  static void chainOfHeld(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable w = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      Runnable w2 = w::run;
      w2.run();
    }
  }

  @MayBlock
  static void heldRunInForEach(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable w = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      List.of(1).forEach(x -> w.run());
    }
  }

  @MayBlock
  static void varResource(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable w = () -> f.join();
    try (var g = CpuGuard.pin()) {
      w.run();
    }
  }

  @MayBlock
  static void existingResource(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable w = () -> f.join();
    CpuGuard guard = CpuGuard.pin();
    try (guard) {
      w.run();
    }
  }

  @MayBlock
  static void localClass(CompletableFuture<Long> f) {
    class Local implements Runnable {
      @Override
      // :: error: [override.blocking]
      public void run() {
        f.join();
      }
    }
    try (CpuGuard g = CpuGuard.pin()) {
      // :: error: [blocking.while.pinned]
      new Local().run();
    }
  }

  private static void pinnedInForEach(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      List.of(1).forEach(x -> r.run());
    }
  }

  private static void pinnedThroughLocal(Runnable r) {
    Runnable q = r;
    try (CpuGuard g = CpuGuard.pin()) {
      q.run();
    }
  }

  private void pinnedInstance(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  private static void mutualA(int n, Runnable r) {
    mutualB(n, r);
  }

  private static void mutualB(int n, Runnable r) {
    if (n > 0) {
      mutualA(n - 1, r);
    } else {
      try (CpuGuard g = CpuGuard.pin()) {
        r.run();
      }
    }
  }

  @MayBlock
  void helpers(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    pinnedInForEach(() -> f.join());
    // :: error: [blocking.while.pinned]
    pinnedThroughLocal(() -> f.join());
    // :: error: [blocking.while.pinned]
    this.pinnedInstance(() -> f.join());
    // :: error: [blocking.while.pinned]
    mutualA(2, () -> f.join());
    // :: error: [blocking.while.pinned]
    mutualB(2, () -> f.join());
  }

  static class Nested {
    @MayBlock
    void fromNested(CompletableFuture<Long> f) {
      // :: error: [blocking.while.pinned]
      pinnedThroughLocal(() -> f.join());
    }
  }

  @MayBlock
  static void catchIsNotPinned(CompletableFuture<Long> f) {
    Runnable w = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    } catch (RuntimeException e) {
      w.run();
    }
  }

  static void threadStartedInGuard(CompletableFuture<Long> f) {
    Runnable w = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      new Thread(w).start();
    }
  }

  static void submittedInGuard(ExecutorService pool, CompletableFuture<Long> f) {
    Runnable w = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      pool.submit(w);
    }
  }

  // A closure given to a library method of unknown use (a non-async stage may run it now or later)
  // is not reported, in a guard as in a with, as in the Error Prone check.
  static void unknownUseUnderAPin(CompletableFuture<Long> f, CompletableFuture<Long> other) {
    try (CpuGuard g = CpuGuard.pin()) {
      f.thenRun(() -> other.join());
    }
    COUNTS.with(a -> f.thenRun(() -> other.join()));
  }
}
