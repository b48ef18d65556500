/*
 * Mistake: entering a clone of the handle whose closure is running.
 *
 * clone() makes another handle to the SAME allocation, so entering it inside the original's closure is
 * the same nested access as re-entering the original.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 17
 *   checker percpu:nested.entry ERROR line 17
 */
import dev.percpu.PerCpu;

class Clone {
  void run() {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> copy = counts.clone();
    counts.with(outer -> copy.with(inner -> inner[0]++));  // <- the mistake
  }
}
