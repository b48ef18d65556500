import dev.percpu.PerCpu;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An Executor of unknown origin may run its task on the caller's thread: possible. */
class ExecutorParameter {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  static void bumpOn(Executor executor) {
    COUNTS.with(a -> executor.execute(() -> COUNTS.with(b -> b[0]++))); // expect: possible
  }

  public static void main(String[] args) throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    bumpOn(pool);
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
