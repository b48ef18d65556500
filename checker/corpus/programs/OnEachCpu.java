import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

/** An onEachCpu callback's token entry, and an entry inside it. */
class OnEachCpu {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void resetAll() {
    CpuGuard.onEachCpu(guard -> counts.get(guard).with(slot -> {
      slot[0] = 0;
      counts.with(again -> again[0]++); // expect: definite
    }));
  }

  public static void main(String[] args) {
    new OnEachCpu().resetAll();
  }
}
