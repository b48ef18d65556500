import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** A private method that pins around a closure parameter it runs: the closure runs pinned. */
class BlockingPinningHelpers {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  private static void pinned(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  private static void counted(Runnable r) {
    COUNTS.with(a -> r.run());
  }

  private static void onEach(Runnable r) {
    CpuGuard.onEachCpu(g -> r.run());
  }

  private static void throughPinned(Runnable r) {
    pinned(r);
  }

  private static void pinnedAfter(int n, Runnable r) {
    if (n > 0) {
      pinnedAfter(n - 1, r);
      return;
    }
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  private static void afterThePin(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    }
    r.run();
  }

  private static void handOff(ExecutorService pool, Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      pool.execute(r);
    }
  }

  @MayBlock
  static void blockingLambda(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    pinned(() -> f.join());
  }

  @MayBlock
  static void blockingMethodReference() {
    // :: error: [blocking.while.pinned]
    pinned(BlockingPinningHelpers::sleepQuietly);
  }

  @MayBlock
  static void heldClosure(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable wait = () -> f.join();
    pinned(wait);
  }

  @MayBlock
  static void anonymousClosure(CompletableFuture<Long> f) {
    pinned(
        new Runnable() {
          @Override
          // :: error: [override.blocking]
          public void run() {
            // :: error: [blocking.while.pinned]
            f.join();
          }
        });
  }

  static void onEachCpuInside() {
    // :: error: [oneachcpu.while.pinned]
    pinned(() -> CpuGuard.onEachCpu(g -> {}));
  }

  @MayBlock
  static void withWrapper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    counted(() -> f.join());
  }

  @MayBlock
  static void onEachCpuWrapper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    onEach(() -> f.join());
  }

  @MayBlock
  static void twoHelpersDeep(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    throughPinned(() -> f.join());
  }

  @MayBlock
  static void recursiveHelper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    pinnedAfter(3, () -> f.join());
  }

  static void cleanLambda() {
    pinned(() -> COUNTS.with(a -> a.incrementAndGet()));
    throughPinned(() -> {});
  }

  @MayBlock
  static void runAfterTheHelpersPin(CompletableFuture<Long> f) {
    afterThePin(() -> f.join());
  }

  static void handedToAnotherThreadUnderTheHelpersPin(
      ExecutorService pool, CompletableFuture<Long> f) {
    handOff(pool, () -> f.join());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
