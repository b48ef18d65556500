/*
 * Mistake: taking a lock while pinned, inside an apply() closure.
 *
 * Whoever holds the lock may itself be waiting for this CPU's slot; at best every thread that needs
 * the slot stalls behind the lock. Take the lock before pinning, or keep the two apart.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 21
 *   checker percpu:blocking.while.pinned WARNING line 21
 */
import dev.percpu.PerCpu;
import java.util.concurrent.locks.ReentrantLock;

class BlockingLock {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final ReentrantLock registryLock = new ReentrantLock();
  private long registered;

  long register() {
    return counts.apply(slot -> {
      registryLock.lock();  // <- the mistake
      try {
        registered++;
        return ++slot[0];
      } finally {
        registryLock.unlock();
      }
    });
  }
}
