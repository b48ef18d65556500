/*
 * Mistake: a final field initialised from another field's clone, entered inside that field's closure.
 *
 * The two fields are two handles to one allocation.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 17
 *   checker percpu:* ERROR line 17
 */
import dev.percpu.PerCpu;

class FieldClone {
  private final PerCpu<long[]> primary = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> mirror = primary.clone();

  void run() {
    primary.with(outer -> mirror.with(inner -> inner[0]++));  // <- the mistake
  }
}
