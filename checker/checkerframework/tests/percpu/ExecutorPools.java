import dev.percpu.PerCpu;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Executors made by a JDK thread-pool factory run their tasks on their own threads. */
public class ExecutorPools {
  static final PerCpu<AtomicLong> A = PerCpu.allocate(AtomicLong::new);
  static final Executor SHARED = Executors.newCachedThreadPool();

  static void finalFieldPool_isAccepted() {
    A.with(a -> SHARED.execute(() -> A.with(b -> b.incrementAndGet())));
  }

  static void poolMadeInPlace_isAccepted() {
    A.with(a -> Executors.newFixedThreadPool(1).execute(() -> A.with(b -> b.incrementAndGet())));
  }

  static void localService_isAccepted() {
    ExecutorService pool = Executors.newWorkStealingPool();
    A.with(a -> pool.submit(() -> A.with(b -> b.incrementAndGet())));
  }
}
