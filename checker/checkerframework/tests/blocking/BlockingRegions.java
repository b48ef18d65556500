import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Each kind of pinned region, with a blocking call directly, via helpers and method references. */
class BlockingRegions {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  @MayBlock
  static long applyClosure(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    return COUNTS.apply(a -> f.join());
  }

  @MayBlock
  static void guardTry(CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      // :: error: [blocking.while.pinned]
      f.join();
    }
  }

  @MayBlock
  static void tokenWith(CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = COUNTS.get(g);
      // :: error: [blocking.while.pinned]
      t.with(a -> f.join());
    }
  }

  @MayBlock
  static void onEachCpuAction(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    CpuGuard.onEachCpu(g -> f.join());
  }

  static void onEachCpuInGuard() {
    try (CpuGuard g = CpuGuard.pin()) {
      // :: error: [oneachcpu.while.pinned]
      CpuGuard.onEachCpu(h -> {});
    }
  }

  private static void waitFor(CompletableFuture<Long> f) {
    f.join();
  }

  private static void twoDeep(CompletableFuture<Long> f) {
    waitFor(f);
  }

  @MayBlock
  static void privateHelper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> twoDeep(f));
  }

  @MayBlock
  static void chainedCall(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> f.thenAccept(x -> {}).join());
  }

  @MayBlock
  static void methodReferenceRunsNow(Thread t) {
    try (CpuGuard g = CpuGuard.pin()) {
      Runnable r = t::interrupt;
      r.run();
      // :: error: [blocking.while.pinned]
      COUNTS.get(g).with(a -> run(BlockingRegions::sleepQuietly));
    }
  }

  private static void run(Runnable r) {
    r.run();
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
