import dev.percpu.PerCpu;
import java.util.concurrent.CompletableFuture;

/** An async CompletableFuture stage runs on another thread: not nested. */
class CleanCompletableFuture {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    CompletableFuture<?>[] done = new CompletableFuture<?>[1];
    COUNTS.with(a -> done[0] = CompletableFuture.runAsync(() -> COUNTS.with(b -> b[0]++)));
    done[0].join();
  }
}
