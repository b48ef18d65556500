/*
 * Mistake: a lambda that captures a CpuGuard and is stored to run after the guard closed.
 *
 * The list's Runnables run later, when the guard is closed (or on another thread, which never owned it).
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuGuardEscape * line 18
 */
import dev.percpu.CpuGuard;
import java.util.ArrayList;
import java.util.List;

class GuardCapturedByLambda {
  private final List<Runnable> later = new ArrayList<>();

  void run() {
    try (CpuGuard guard = CpuGuard.pin()) {
      later.add(() -> System.out.println(guard.cpu()));  // <- the mistake
    }
  }
}
