/*
 * Mistake: passing a method reference whose method enters the same allocation.
 *
 * The referenced method runs as the closure, so its own with() is nested inside the outer one.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 16
 *   checker percpu:nested.entry ERROR line 16
 */
import dev.percpu.PerCpu;

class MethodReference {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(this::addTwice);  // <- the mistake
  }

  private void addTwice(long[] slot) {
    slot[0]++;
    counts.with(again -> again[0]++);
  }
}
