import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.MayBlock;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

/** Each kind of blocking call once, each inside a with() closure. */
class BlockingKinds {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final Object LOCK = new Object();

  static synchronized void bump() {}

  @MayBlock
  static void declared() {}

  @MayBlock
  static void sleepInside() throws InterruptedException {
    COUNTS.with(a -> {
      try {
        // :: error: [blocking.while.pinned]
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @MayBlock
  static void futureGet(Future<?> f) {
    COUNTS.with(a -> {
      try {
        // :: error: [blocking.while.pinned]
        f.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @MayBlock
  static void lockLock(Lock lock) {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> lock.lock());
  }

  @MayBlock
  static void latch(CountDownLatch latch) {
    COUNTS.with(a -> {
      try {
        // :: error: [blocking.while.pinned]
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @MayBlock
  static void queueTake(BlockingQueue<String> q) {
    COUNTS.with(a -> {
      try {
        // :: error: [blocking.while.pinned]
        q.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @MayBlock
  static void streamRead(InputStream in) {
    COUNTS.with(a -> {
      try {
        // :: error: [blocking.while.pinned]
        in.read();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @MayBlock
  static void synchronizedBlock() {
    COUNTS.with(a -> {
      // :: error: [blocking.while.pinned]
      synchronized (LOCK) {
        a.incrementAndGet();
      }
    });
  }

  @MayBlock
  static void synchronizedMethod() {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> bump());
  }

  @MayBlock
  static void mayBlockMethod() {
    // :: error: [blocking.while.pinned]
    COUNTS.with(a -> declared());
  }

  static void onEachCpuInside() {
    // :: error: [oneachcpu.while.pinned]
    COUNTS.with(a -> CpuGuard.onEachCpu(g -> {}));
  }
}
