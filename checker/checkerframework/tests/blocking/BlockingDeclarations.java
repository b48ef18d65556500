import dev.percpu.qual.MayBlock;
import java.util.concurrent.CompletableFuture;

/** Non-private methods declare blocking with @MayBlock; overrides stay within it. */
class BlockingDeclarations {

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
