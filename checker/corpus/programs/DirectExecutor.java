import dev.percpu.PerCpu;
import java.util.concurrent.Executor;

/** An Executor that runs its task on the caller's thread; the model calls executors elsewhere. */
class DirectExecutor {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Executor direct = Runnable::run;
    COUNTS.with(a -> direct.execute(() -> COUNTS.with(b -> b[0]++))); // expect: possible
  }
}
