/*
 * Mistake: calling, inside a closure, a helper method that enters the same allocation.
 *
 * The nesting is interprocedural: record() holds the slot while bump() asks for it again. The finding is
 * on the call that leads to the inner entry.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 19
 *   checker percpu:nested.entry ERROR line 19
 */
import dev.percpu.PerCpu;

class HelperMethod {
  private final PerCpu<long[]> hits = PerCpu.allocate(() -> new long[1]);

  void record() {
    hits.with(slot -> {
      slot[0]++;
      bump();  // <- the mistake
    });
  }

  private void bump() {
    hits.with(slot -> slot[0]++);
  }
}
