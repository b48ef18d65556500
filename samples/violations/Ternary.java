/*
 * Mistake: entering the result of a conditional whose every branch is the same allocation.
 *
 * Both branches reach counts' allocation (itself or a clone), so the access is definitely nested.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 16
 *   checker percpu:nested.entry ERROR line 16
 */
import dev.percpu.PerCpu;

class Ternary {
  void run(boolean fast) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen = fast ? counts : counts.clone();
    counts.with(outer -> chosen.with(inner -> inner[0]++));  // <- the mistake
  }
}
