/*
 * Mistake: sleeping while pinned, inside a with() closure.
 *
 * A pinned thread keeps its CPU slot for as long as the closure runs; while it sleeps, every other
 * thread that needs that slot waits too. Sleep (or back off) before or after the pin.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 20
 *   checker percpu:blocking.while.pinned WARNING line 20
 */
import dev.percpu.PerCpu;

class BlockingSleep {
  private final PerCpu<long[]> attempts = PerCpu.allocate(() -> new long[1]);

  void retryLater() {
    attempts.with(slot -> {
      slot[0]++;
      try {
        Thread.sleep(100);  // <- the mistake
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
