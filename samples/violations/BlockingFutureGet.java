/*
 * Mistake: waiting for a future while pinned, inside a CpuGuard block.
 *
 * If the task behind the future needs a pin of its own and every slot is held by a thread like this
 * one, the program deadlocks. Wait for the result before pinning, then use it under the pin.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 21
 *   checker percpu:blocking.while.pinned WARNING line 21
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

class BlockingFutureGet {
  private final PerCpu<long[]> totals = PerCpu.allocate(() -> new long[1]);

  void add(Future<Long> pending) throws InterruptedException, ExecutionException {
    try (CpuGuard guard = CpuGuard.pin()) {
      long value = pending.get();  // <- the mistake
      totals.get(guard).with(slot -> slot[0] += value);
    }
  }
}
