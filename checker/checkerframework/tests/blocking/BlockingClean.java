import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** Blocking before or after the pin, or on another thread: accepted. */
class BlockingClean {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  @MayBlock
  static void beforeAndAfter(CompletableFuture<Long> f) {
    long v = f.join();
    COUNTS.with(a -> a.addAndGet(v));
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    }
    f.join();
  }

  static void handedToAnotherThread(ExecutorService pool, CompletableFuture<Long> f) {
    COUNTS.with(a -> pool.execute(() -> f.join()));
  }

  static CompletableFuture<Void> asyncStage(CompletableFuture<Long> f) {
    return COUNTS.apply(a -> CompletableFuture.runAsync(() -> f.join()));
  }

  static Runnable storedForLater(CompletableFuture<Long> f) {
    return COUNTS.apply(a -> (Runnable) () -> f.join());
  }

  static void inMemoryStreams() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    COUNTS.with(a -> bytes.write(1));
  }

  static void onEachCpuOutsideAPin() {
    CpuGuard.onEachCpu(g -> COUNTS.get(g).with(a -> a.incrementAndGet()));
  }

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(1);
  }
}
