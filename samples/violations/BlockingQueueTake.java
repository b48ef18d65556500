/*
 * Mistake: taking from a blocking queue while pinned, inside a with() closure.
 *
 * take() waits until a producer puts something; the producer may need this CPU's slot to do so.
 * Take the element first, then pin to count it.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 20
 *   checker percpu:blocking.while.pinned WARNING line 20
 */
import dev.percpu.PerCpu;
import java.util.concurrent.BlockingQueue;

class BlockingQueueTake {
  private final PerCpu<long[]> processed = PerCpu.allocate(() -> new long[1]);

  void drainOne(BlockingQueue<String> work) {
    processed.with(slot -> {
      try {
        String item = work.take();  // <- the mistake
        slot[0] += item.length();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
