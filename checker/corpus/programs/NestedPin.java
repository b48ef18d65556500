import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

/** A pin inside an entry stays on the same CPU, so its token's entry is nested. */
class NestedPin {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(outer -> {
      try (CpuGuard guard = CpuGuard.pin()) {
        counts.get(guard).with(inner -> inner[0]++); // expect: definite
      }
    });
  }

  public static void main(String[] args) {
    new NestedPin().run();
  }
}
