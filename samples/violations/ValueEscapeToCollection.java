/*
 * Mistake: adding the per-CPU value a closure received to a collection that outlives the closure.
 *
 * The caller gets the slot itself and can read or write it unpinned, racing with the CPU's owner.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuValueEscape WARNING line 18
 */
import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;

class ValueEscapeToCollection {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  List<long[]> everySlot() {
    List<long[]> slots = new ArrayList<>();
    counts.with(slot -> slots.add(slot));  // <- the mistake
    return slots;
  }
}
