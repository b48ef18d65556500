import dev.percpu.PerCpu;
import java.util.Map;

/** A method result of the same type may be the entered allocation. */
class PossibleMethodResult {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final Map<String, PerCpu<long[]>> registry;

  PossibleMethodResult(Map<String, PerCpu<long[]>> registry) {
    this.registry = registry;
  }

  void copyFrom(String name) {
    counts.with(mine -> lookup(name).with(theirs -> mine[0] = theirs[0])); // expect: possible
  }

  private PerCpu<long[]> lookup(String name) {
    return registry.get(name);
  }

  public static void main(String[] args) {
    new PossibleMethodResult(Map.of("x", PerCpu.allocate(() -> new long[1]))).copyFrom("x");
  }
}
