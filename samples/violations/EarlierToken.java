/*
 * Mistake: using a token made earlier from the handle inside the handle's closure.
 *
 * The token reaches the same allocation on the guard's CPU, and with() stays on that CPU while the guard
 * is open.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuNestedAccess ERROR line 21
 *   checker percpu:nested.entry ERROR line 21
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

class EarlierToken {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = counts.get(guard);
      counts.with(outer -> token.with(inner -> inner[0]++));  // <- the mistake
    }
  }
}
