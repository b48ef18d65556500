/*
 * Mistake: pinning again inside a closure and entering the same allocation through the new guard.
 *
 * A nested pin on the same thread stays on the same CPU, so the token reaches the slot the outer closure
 * holds.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 20
 *   checker percpu:nested.entry ERROR line 20
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

class NestedPin {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(outer -> {
      try (CpuGuard guard = CpuGuard.pin()) {
        counts.get(guard).with(inner -> inner[0]++);  // <- the mistake
      }
    });
  }
}
