/*
 * Mistake: passing the entered handle to a helper that enters whatever handle it is given.
 *
 * The helper's effect is "enters its parameter"; at this call the parameter is the allocation whose
 * closure is running.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 18
 *   checker percpu:nested.entry ERROR line 18
 */
import dev.percpu.PerCpu;

class HandleArgument {
  void run() {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    counts.with(slot -> {
      slot[0]++;
      addOne(counts);  // <- the mistake
    });
  }

  private static void addOne(PerCpu<long[]> handle) {
    handle.with(slot -> slot[0]++);
  }
}
