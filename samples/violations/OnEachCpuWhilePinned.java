/*
 * Mistake: calling onEachCpu while the thread is pinned.
 *
 * onEachCpu pins the calling thread to each CPU in turn; a thread already pinned would wait for its
 * own slot, so the runtime always throws IllegalStateException instead. Call it outside any pin.
 *
 * Expected findings (one per line: tool, check, severity, line; asserted by percpu-lint's tests):
 *   errorprone PerCpuOnEachCpuWhilePinned ERROR line 21
 *   checker percpu:oneachcpu.while.pinned ERROR line 21
 */
import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

class OnEachCpuWhilePinned {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> resets = PerCpu.allocate(() -> new long[1]);

  void resetAll() {
    resets.with(r -> {
      r[0]++;
      CpuGuard.onEachCpu(guard -> counts.get(guard).with(slot -> slot[0] = 0));  // <- the mistake
    });
  }
}
