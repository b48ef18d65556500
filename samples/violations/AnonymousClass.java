/*
 * Mistake: an anonymous Consumer whose accept() enters the same allocation.
 *
 * An anonymous class given to with() runs just like a lambda.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 20
 *   checker percpu:nested.entry ERROR line 20
 */
import dev.percpu.PerCpu;
import java.util.function.Consumer;

class AnonymousClass {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(new Consumer<long[]>() {
      @Override
      public void accept(long[] slot) {
        counts.with(again -> again[0]++);  // <- the mistake
      }
    });
  }
}
