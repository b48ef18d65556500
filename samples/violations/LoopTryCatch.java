/*
 * Mistake: a nested entry hidden in a loop inside a try block.
 *
 * Loops and try/catch do not change which allocation is held.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 19
 *   checker percpu:nested.entry ERROR line 19
 */
import dev.percpu.PerCpu;

class LoopTryCatch {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run(int times) {
    counts.with(outer -> {
      for (int i = 0; i < times; i++) {
        try {
          counts.with(inner -> inner[0]++);  // <- the mistake
        } catch (IllegalStateException e) {
          outer[0]--;
        }
      }
    });
  }
}
