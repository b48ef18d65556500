import dev.percpu.PerCpu;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor may run its task on the caller's thread ({@code Runnable::run}), so a task that
 * enters the allocation entered around the hand-off is a possible nesting, unless this unit shows
 * the executor was made by a JDK thread-pool factory.
 */
public class ExecutorReceivers {
  static final PerCpu<AtomicLong> A = PerCpu.allocate(AtomicLong::new);
  static final Executor DIRECT = Runnable::run;

  static void parameterExecutor_isPossible(Executor executor) {
    // :: error: [possible.nested.entry]
    A.with(a -> executor.execute(() -> A.with(b -> b.incrementAndGet())));
  }

  static void parameterService_isPossible(ExecutorService service) {
    // :: error: [possible.nested.entry]
    A.with(a -> service.submit(() -> A.with(b -> b.incrementAndGet())));
  }

  static void executorThatRunsTheTaskNow_isDefinite() {
    // The call runs the field's closure, Runnable::run, on the task, which enters A: definite at the
    // call; the task's own entry is, as for any executor of unknown implementation, possible.
    A.with(
        a ->
            // :: error: [nested.entry]
            DIRECT.execute(
                () ->
                    // :: error: [possible.nested.entry]
                    A.with(b -> b.incrementAndGet())));
  }

  static void localPool_isAccepted() {
    ExecutorService pool = Executors.newWorkStealingPool();
    A.with(a -> pool.execute(() -> A.with(b -> b.incrementAndGet())));
  }
}
