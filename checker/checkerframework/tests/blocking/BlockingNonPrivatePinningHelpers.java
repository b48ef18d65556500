import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.Deferred;
import dev.percpu.qual.Enters;
import dev.percpu.qual.MayBlock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-private method that runs a closure parameter under a pin of its own: its callers in this
 * class are followed into its body, as for a private method. Its declaration is reported for
 * callers in other files only in strict mode (tests/strict/StrictPinningHelpers.java); an
 * override's always, since callers through the overridden method may be anywhere.
 */
class BlockingNonPrivatePinningHelpers {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final AtomicLong CALLS = new AtomicLong();

  static void pinned(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  @SuppressWarnings("percpu") // every caller is in this class
  public static void pinnedHere(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  // Its declared entry pins the closure for callers elsewhere too (the with() they call).
  @Enters("COUNTS")
  void counted(Runnable r) {
    COUNTS.with(a -> r.run());
  }

  protected static void onEach(Runnable r) {
    CpuGuard.onEachCpu(g -> r.run());
  }

  public static void throughPrivate(Runnable r) {
    privatePinned(r);
  }

  private static void privatePinned(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  // The second parameter only is run pinned.
  static void secondPinned(Runnable before, Runnable r) {
    before.run();
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  static class Pinning {
    Pinning(Runnable r) {
      try (CpuGuard g = CpuGuard.pin()) {
        r.run();
      }
    }

    @Enters("BlockingNonPrivatePinningHelpers.COUNTS")
    static void nested(Runnable r) {
      COUNTS.with(a -> r.run());
    }
  }

  // An override is called through the method it overrides, whose declaration says nothing of a pin.
  static final Executor PINNED =
      new Executor() {
        @Override
        // :: error: [pins.closure.parameter]
        public void execute(Runnable task) {
          try (CpuGuard g = CpuGuard.pin()) {
            task.run();
          }
        }
      };

  @MayBlock
  static void blockingLambda(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    pinned(() -> f.join());
  }

  @MayBlock
  static void blockingMethodReference() {
    // :: error: [blocking.while.pinned]
    pinned(BlockingNonPrivatePinningHelpers::sleepQuietly);
  }

  @MayBlock
  static void suppressedHelperStillPinsItsCallersHere(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    pinnedHere(() -> f.join());
  }

  @MayBlock
  void withWrapper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    counted(() -> f.join());
  }

  @MayBlock
  static void onEachCpuWrapper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    onEach(() -> f.join());
  }

  @MayBlock
  static void throughAPrivateHelper(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    throughPrivate(() -> f.join());
  }

  @MayBlock
  static void onlyTheSecondClosureIsPinned(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    secondPinned(() -> f.join(), () -> f.join());
  }

  @MayBlock
  static void constructorAndNestedClass(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    new Pinning(() -> f.join());
    // :: error: [blocking.while.pinned]
    Pinning.nested(() -> f.join());
  }

  static void onEachCpuInside() {
    // :: error: [oneachcpu.while.pinned]
    pinned(() -> CpuGuard.onEachCpu(g -> {}));
  }

  static void cleanLambda() {
    pinned(() -> COUNTS.with(a -> a.incrementAndGet()));
  }

  // Clean declarations: the closure runs after the pin, or on another thread; a parameter that
  // cannot hold a lambda; a private method, whose callers are all here.

  public static void afterThePin(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      CALLS.incrementAndGet();
    }
    r.run();
  }

  public static void handedToAnotherThread(@Deferred Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      new Thread(r).start();
    }
  }

  @Enters("COUNTS")
  public static void notAClosure(List<String> names) {
    try (CpuGuard g = CpuGuard.pin()) {
      COUNTS.get(g).with(a -> a.addAndGet(names.size()));
    }
  }

  private static void privateHelper(Runnable r) {
    COUNTS.with(a -> r.run());
  }

  @MayBlock
  static void runAfterTheHelpersPin(CompletableFuture<Long> f) {
    afterThePin(() -> f.join());
    handedToAnotherThread(() -> f.join());
  }

  @MayBlock
  static void privateHelperUnchanged(CompletableFuture<Long> f) {
    // :: error: [blocking.while.pinned]
    privateHelper(() -> f.join());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
