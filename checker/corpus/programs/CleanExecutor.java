import dev.percpu.PerCpu;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A closure handed to an executor runs elsewhere: not nested. */
class CleanExecutor {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    COUNTS.with(a -> pool.execute(() -> COUNTS.with(b -> b[0]++)));
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
