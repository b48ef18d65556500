/*
 * Mistake (possible): entering a parameter handle of the same type inside another handle's closure.
 *
 * Nothing proves `other` is a different allocation from `counts` (a caller may pass counts or a clone).
 * Both checkers warn (percpu-lint aligns the severities) until the parameter is annotated as distinct.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuPossibleNestedAccess WARNING line 17
 *   checker percpu:possible.nested.entry WARNING line 17
 */
import dev.percpu.PerCpu;

class PossibleAliasParameter {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void mergeFrom(PerCpu<long[]> other) {
    counts.with(mine -> other.with(theirs -> mine[0] += theirs[0]));  // <- the mistake
  }
}
