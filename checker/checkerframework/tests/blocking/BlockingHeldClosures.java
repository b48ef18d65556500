import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A closure held in an effectively final local runs where it is run: in a guard's block too. */
class BlockingHeldClosures {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final Object LOCK = new Object();

  @MayBlock
  static void lambdaRunInGuard(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable wait = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      wait.run();
    }
  }

  @MayBlock
  static void lambdaRunInWith(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable wait = () -> f.join();
    COUNTS.with(a -> wait.run());
  }

  @MayBlock
  static void libraryMethodReferenceRunInGuard(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable wait = f::join;
    try (CpuGuard g = CpuGuard.pin()) {
      wait.run();
    }
  }

  @MayBlock
  static void ownMethodReferenceRunInGuard() {
    // :: error: [blocking.while.pinned]
    Runnable nap = BlockingHeldClosures::sleepQuietly;
    try (CpuGuard g = CpuGuard.pin()) {
      nap.run();
    }
  }

  @MayBlock
  static void synchronizedBlockRunInGuard() {
    Runnable locked =
        () -> {
          // :: error: [blocking.while.pinned]
          synchronized (LOCK) {
            COUNTS.hashCode();
          }
        };
    try (CpuGuard g = CpuGuard.pin()) {
      locked.run();
    }
  }

  @MayBlock
  static void passedToAHelperInGuard(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Runnable wait = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      run(wait);
    }
  }

  @MayBlock
  static void heldAction(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    Consumer<CpuGuard> action = g -> f.join();
    CpuGuard.onEachCpu(action);
  }

  static void onEachCpuRunInGuard() {
    // :: error: [oneachcpu.while.pinned]
    Runnable each = () -> CpuGuard.onEachCpu(h -> {});
    try (CpuGuard g = CpuGuard.pin()) {
      each.run();
    }
  }

  @MayBlock
  static void runAfterTheGuard(CompletableFuture<Long> f) {
    Runnable wait = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    }
    wait.run();
  }

  @MayBlock
  static void runInFinally(CompletableFuture<Long> f) {
    Runnable wait = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    } finally {
      wait.run();
    }
  }

  static void handedToAnotherThreadInGuard(ExecutorService pool, CompletableFuture<Long> f) {
    Runnable wait = () -> f.join();
    try (CpuGuard g = CpuGuard.pin()) {
      pool.execute(wait);
    }
  }

  static void cleanClosureRunInGuard() {
    Runnable bump = () -> COUNTS.with(a -> a.incrementAndGet());
    try (CpuGuard g = CpuGuard.pin()) {
      bump.run();
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
