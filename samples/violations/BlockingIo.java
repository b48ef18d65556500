/*
 * Mistake: blocking I/O while pinned, inside an onEachCpu action.
 *
 * Writing to a stream (a file, a socket, a pipe) can wait for the other side for as long as it likes,
 * with this CPU's slot held. Collect the values under the pin, write them afterwards.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuBlockingWhilePinned WARNING line 23
 *   checker percpu:blocking.while.pinned WARNING line 23
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

class BlockingIo {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void dump(DataOutputStream out) {
    CpuGuard.onEachCpu(guard -> counts.get(guard).with(slot -> {
      try {
        out.writeLong(slot[0]);  // <- the mistake
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
