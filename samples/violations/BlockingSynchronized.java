/*
 * Mistake: entering a monitor while pinned, through a helper.
 *
 * A synchronized block waits for the monitor's owner, who may be waiting for this CPU's slot. The
 * helper is fine on its own; calling it inside the with() closure is the mistake.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 21
 *   checker percpu:blocking.while.pinned WARNING line 21
 */
import dev.percpu.PerCpu;

class BlockingSynchronized {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final Object statsLock = new Object();
  private long seen;

  void record() {
    counts.with(slot -> {
      slot[0]++;
      noteSeen();  // <- the mistake
    });
  }

  private void noteSeen() {
    synchronized (statsLock) {
      seen++;
    }
  }
}
