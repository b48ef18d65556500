/*
 * Mistake: entering a handle again inside its own closure.
 *
 * The inner with() needs the same CPU slot the outer closure already holds: two live references to one
 * slot. At run time the inner call throws PerCpuNestingException.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 19
 *   checker percpu:nested.entry ERROR line 19
 */
import dev.percpu.PerCpu;

class SameHandle {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void countTwice() {
    counts.with(outer -> {
      outer[0]++;
      counts.with(inner -> inner[0]++);  // <- the mistake
    });
  }
}
