/*
 * Mistake: returning a PerCpuToken from the block whose guard it was made under.
 *
 * The token is only valid while the guard pins the thread; the caller gets it after close().
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuGuardEscape * line 18
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

class TokenEscape {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  PerCpuToken<long[]> tokenForLater() {
    try (CpuGuard guard = CpuGuard.pin()) {
      return counts.get(guard);  // <- the mistake
    }
  }
}
