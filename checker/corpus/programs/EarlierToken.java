import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

/** A token taken before the outer entry reaches the same allocation. */
class EarlierToken {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = counts.get(guard);
      counts.with(outer -> token.with(inner -> inner[0]++)); // expect: definite
    }
  }

  public static void main(String[] args) {
    new EarlierToken().run();
  }
}
