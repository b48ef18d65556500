package dev.percpu.samples.pool;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Four threads take and give back buffers 100,000 times each. Each thread tags the buffer it holds
 * and checks the tag before giving it back, so a buffer ever handed to two holders at once would be
 * counted; the pool allocates only a handful of buffers for all those takes.
 */
public final class PoolDemo {
  static final int THREADS = 4;
  static final int ROUNDS = 100_000;

  /**
   * @param allocated buffers the pool allocated
   * @param clobbered takes whose buffer another holder wrote to meanwhile (always 0)
   */
  record Result(long allocated, long clobbered) {}

  private PoolDemo() {}

  public static void main(String[] args) throws InterruptedException {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}. */
  static Result run(PrintStream out) throws InterruptedException {
    BufferPool pool = new BufferPool(4096, 16);
    AtomicLong clobbered = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long thread = t;
      workers.add(
          new Thread(
              () -> {
                for (int i = 0; i < ROUNDS; i++) {
                  long tag = thread << 32 | i;
                  ByteBuffer buffer = pool.take();
                  buffer.putLong(0, tag);
                  Thread.onSpinWait();
                  if (buffer.getLong(0) != tag) {
                    clobbered.incrementAndGet();
                  }
                  pool.give(buffer);
                }
              },
              "pool-user-" + t));
    }
    workers.forEach(Thread::start);
    for (Thread worker : workers) {
      worker.join();
    }
    out.println(
        "percpu buffer pool: "
            + (THREADS * ROUNDS)
            + " takes, "
            + pool.allocated()
            + " buffers allocated, "
            + clobbered.get()
            + " shared by two holders");
    return new Result(pool.allocated(), clobbered.get());
  }
}
