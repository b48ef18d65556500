/*
 * Mistake: entering the same allocation from a lambda that a library method runs at once.
 *
 * Iterable.forEach invokes its lambda synchronously, inside the outer closure.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 18
 *   checker percpu:nested.entry ERROR line 18
 */
import dev.percpu.PerCpu;
import java.util.List;

class LibraryLambda {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void addAll(List<Long> deltas) {
    counts.with(outer -> deltas.forEach(delta -> {
      counts.with(inner -> inner[0] += delta);  // <- the mistake
    }));
  }
}
