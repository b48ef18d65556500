import dev.percpu.PerCpu;
import java.util.concurrent.CompletableFuture;

/**
 * A non-async stage on a future completed only after the entry ended runs then, not inside it: at
 * most possible, and this run does not nest.
 */
class IncompleteFutureThen {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    CompletableFuture<Long> pending = new CompletableFuture<>();
    COUNTS.with(a -> pending.thenAccept(d -> {
      COUNTS.with(b -> b[0] += d); // expect: possible
    }));
    pending.complete(1L);
  }
}
