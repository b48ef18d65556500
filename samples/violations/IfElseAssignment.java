/*
 * Mistake: entering a handle that every if/else branch set to the same allocation.
 *
 * Flow through if/else: whichever branch ran, the handle reaches counts' allocation.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 21
 *   checker percpu:nested.entry ERROR line 21
 */
import dev.percpu.PerCpu;

class IfElseAssignment {
  void run(boolean useClone) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen;
    if (useClone) {
      chosen = counts.clone();
    } else {
      chosen = counts;
    }
    counts.with(outer -> chosen.with(inner -> inner[0]++));  // <- the mistake
  }
}
