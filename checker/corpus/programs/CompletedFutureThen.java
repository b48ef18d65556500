import dev.percpu.PerCpu;
import java.util.concurrent.CompletableFuture;

/**
 * A non-async stage runs now only if its future is already complete, which the model cannot know:
 * at most possible. This one is complete, so the runtime nests.
 */
class CompletedFutureThen {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(a -> CompletableFuture.completedFuture(1L).thenAccept(d -> {
      COUNTS.with(b -> b[0] += d); // expect: possible
    }));
  }
}
