/*
 * Mistake: storing the per-CPU value a closure received into a field.
 *
 * The closure had exclusive access only while it ran; through the field, another thread later races with
 * whichever thread is pinned to that CPU.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuValueEscape WARNING line 17
 */
import dev.percpu.PerCpu;

class ValueEscape {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private long[] leaked;

  void run() {
    counts.with(slot -> leaked = slot);  // <- the mistake
  }
}
