/*
 * Mistake (possible): entering a handle returned by a method inside another handle's closure.
 *
 * lookup() may return counts itself (the registry could hold it); nothing proves otherwise.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuPossibleNestedAccess WARNING line 22
 *   checker percpu:possible.nested.entry WARNING line 22
 */
import dev.percpu.PerCpu;
import java.util.Map;

class PossibleAliasMethodResult {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final Map<String, PerCpu<long[]>> registry;

  PossibleAliasMethodResult(Map<String, PerCpu<long[]>> registry) {
    this.registry = registry;
  }

  void copyFrom(String name) {
    counts.with(mine -> lookup(name).with(theirs -> mine[0] = theirs[0]));  // <- the mistake
  }

  private PerCpu<long[]> lookup(String name) {
    return registry.get(name);
  }
}
