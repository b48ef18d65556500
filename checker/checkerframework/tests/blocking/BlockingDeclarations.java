import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;

/** Non-private methods declare blocking with @MayBlock; overrides stay within it. */
class BlockingDeclarations {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  @MayBlock
  void callers(CompletableFuture<Long> f) {
    // The declarations are reported, not these calls (as for effect.beyond.default).
    COUNTS.with(a -> undeclared(f));
    COUNTS.with(a -> throughPrivateHelper(f));
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> declared(f));
  }

  // Not called while pinned in this file: held to @MayBlock only under -ApercpuStrict.
  static void undeclaredButNotReliedUpon(CompletableFuture<Long> f) {
    f.join();
  }

  // :: error: [blocking.undeclared]
  static void undeclared(CompletableFuture<Long> f) {
    f.join();
  }

  // :: error: [blocking.undeclared]
  void throughPrivateHelper(CompletableFuture<Long> f) {
    helper(f);
  }

  private void helper(CompletableFuture<Long> f) {
    f.join();
  }

  @MayBlock
  static void declared(CompletableFuture<Long> f) {
    f.join();
  }

  static void deferredOnly(CompletableFuture<Long> f) {
    new Thread(() -> f.join()).start();
  }

  static class Base {
    void work() {}

    @MayBlock
    void mayBlock() {}
  }

  static class Sub extends Base {
    @Override
    // :: error: [override.blocking]
    synchronized void work() {}

    @Override
    void mayBlock() {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static class Declared extends Base {
    @Override
    @MayBlock
    // :: error: [override.blocking]
    void work() {}
  }
}
