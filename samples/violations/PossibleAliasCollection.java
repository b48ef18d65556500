/*
 * Mistake (possible): entering a handle taken from a collection inside another handle's closure.
 *
 * A collection element's allocation is unknown; with the same type argument it may be the entered one.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuPossibleNestedAccess WARNING line 17
 *   checker percpu:possible.nested.entry WARNING line 17
 */
import dev.percpu.PerCpu;
import java.util.List;

class PossibleAliasCollection {
  private final PerCpu<long[]> total = PerCpu.allocate(() -> new long[1]);

  void addFirst(List<PerCpu<long[]>> shards) {
    total.with(sum -> shards.get(0).with(shard -> sum[0] += shard[0]));  // <- the mistake
  }
}
