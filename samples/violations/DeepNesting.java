/*
 * Mistake: re-entering an allocation three closures deep, under two other allocations.
 *
 * Entering different allocations in between is fine; coming back to the outermost one is not.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 19
 *   checker percpu:nested.entry ERROR line 19
 */
import dev.percpu.PerCpu;

class DeepNesting {
  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> c = PerCpu.allocate(() -> new long[1]);

  void run() {
    a.with(x -> b.with(y -> c.with(z -> {
      a.with(again -> again[0]++);  // <- the mistake
    })));
  }
}
