import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An anonymous class's method runs where its object is used: in a guard's block too. A blocking
 * {@code run()} overrides {@code Runnable.run}, which is not {@code @MayBlock}: override.blocking,
 * wherever the object runs (a call through {@code Runnable} elsewhere would not see it).
 */
class BlockingAnonymousClasses {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  @MayBlock
  static void runDirectlyInGuard(CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      new Runnable() {
        @Override
        // :: error: [override.blocking]
        public void run() {
          // :: error: [blocking.while.pinned]
          f.join();
        }
        // :: error: [blocking.while.pinned]
      }.run();
    }
  }

  @MayBlock
  static void heldAndRunInGuard(CompletableFuture<Long> f) {
    Runnable wait =
        new Runnable() {
          @Override
          // :: error: [override.blocking]
          public void run() {
            // :: error: [blocking.while.pinned]
            f.join();
          }
        };
    try (CpuGuard g = CpuGuard.pin()) {
      wait.run();
    }
  }

  @MayBlock
  static void passedToAHelperInGuard(CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      run(
          new Runnable() {
            @Override
            // :: error: [override.blocking]
            public void run() {
              // :: error: [blocking.while.pinned]
              f.join();
            }
          });
    }
  }

  @MayBlock
  static void onEachCpuAction(CompletableFuture<Long> f) {
    CpuGuard.onEachCpu(
        new Consumer<CpuGuard>() {
          @Override
          // :: error: [override.blocking]
          public void accept(CpuGuard g) {
            // :: error: [blocking.while.pinned]
            f.join();
          }
        });
  }

  static void onEachCpuInGuard() {
    Runnable each =
        new Runnable() {
          @Override
          public void run() {
            // :: error: [oneachcpu.while.pinned]
            CpuGuard.onEachCpu(h -> {});
          }
        };
    try (CpuGuard g = CpuGuard.pin()) {
      each.run();
    }
  }

  @MayBlock
  static void runAfterTheGuard(CompletableFuture<Long> f) {
    Runnable wait =
        new Runnable() {
          @Override
          // :: error: [override.blocking]
          public void run() {
            f.join();
          }
        };
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.incrementAndGet());
    }
    wait.run();
  }

  static void handedToAnotherThreadInGuard(ExecutorService pool, CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      pool.execute(
          new Runnable() {
            @Override
            // :: error: [override.blocking]
            public void run() {
              f.join();
            }
          });
    }
  }

  static void anonymousThreadStartedInGuard(CompletableFuture<Long> f) {
    try (CpuGuard g = CpuGuard.pin()) {
      new Thread() {
        @Override
        // :: error: [override.blocking]
        public void run() {
          f.join(); // on the new thread, unpinned
        }
      }.start();
    }
  }

  @MayBlock
  static void heldAnonymousThreadInGuard(CompletableFuture<Long> f) {
    Thread t =
        new Thread() {
          @Override
          // :: error: [override.blocking]
          public void run() {
            // :: error: [blocking.while.pinned]
            f.join();
          }
        };
    try (CpuGuard g = CpuGuard.pin()) {
      t.start();
      t.run(); // run() itself runs now, pinned
    }
  }

  private static void run(Runnable r) {
    r.run();
  }
}
