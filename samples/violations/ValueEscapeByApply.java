/*
 * Mistake: returning the per-CPU value itself out of apply().
 *
 * apply() should return something computed from the value, not the value: the caller would use the slot
 * after the closure ended.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuValueEscape WARNING line 16
 */
import dev.percpu.PerCpu;

class ValueEscapeByApply {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  long[] mySlot() {
    return counts.apply(slot -> slot);  // <- the mistake
  }
}
