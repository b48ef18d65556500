/*
 * Mistake: inside an onEachCpu callback, entering the same allocation again within its token's closure.
 *
 * onEachCpu's guard keeps the callback on one CPU for its whole run, so the inner with() meets the slot
 * the token's closure holds.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 20
 *   checker percpu:nested.entry ERROR line 20
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

class OnEachCpu {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void resetAll() {
    CpuGuard.onEachCpu(guard -> counts.get(guard).with(slot -> {
      slot[0] = 0;
      counts.with(again -> again[0]++);  // <- the mistake
    }));
  }
}
