/*
 * Mistake: storing a CpuGuard in a field, where it outlives its try-with-resources block.
 *
 * After the block the guard is closed; a later use from the field is use-after-unpin.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuGuardEscape * line 16
 */
import dev.percpu.CpuGuard;

class GuardEscape {
  private CpuGuard last;

  void run() {
    try (CpuGuard guard = CpuGuard.pin()) {
      last = guard;  // <- the mistake
    }
  }
}
