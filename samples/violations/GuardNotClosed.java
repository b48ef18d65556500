/*
 * Mistake: a CpuGuard that is not closed by try-with-resources.
 *
 * If work() throws, the thread stays pinned and its slots stay owned.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuGuardNotClosed * line 13
 */
import dev.percpu.CpuGuard;

class GuardNotClosed {
  int run() {
    CpuGuard guard = CpuGuard.pin();  // <- the mistake
    int cpu = work(guard.cpu());
    guard.close();
    return cpu;
  }

  private static int work(int cpu) {
    return cpu;
  }
}
