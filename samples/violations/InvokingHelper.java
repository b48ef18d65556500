/*
 * Mistake: entering the same allocation from a lambda given to a helper that runs it at once.
 *
 * twice() calls its Runnable during the call, so the inner with() runs inside the outer closure.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 16
 *   checker percpu:nested.entry ERROR line 16
 */
import dev.percpu.PerCpu;

class InvokingHelper {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(outer -> twice(() -> counts.with(inner -> inner[0]++)));  // <- the mistake
  }

  private static void twice(Runnable body) {
    body.run();
    body.run();
  }
}
