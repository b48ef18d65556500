/*
 * Mistake: entering a clone of a clone inside the original's closure.
 *
 * Every clone() in a chain preserves the allocation.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 17
 *   checker percpu:nested.entry ERROR line 17
 */
import dev.percpu.PerCpu;

class CloneChain {
  void run() {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> far = counts.clone().clone();
    counts.with(outer -> {
      far.with(inner -> inner[0]++);  // <- the mistake
    });
  }
}
