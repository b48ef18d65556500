import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

/** Two tokens from one guard for the same allocation, one entered inside the other. */
class SameGuardToken {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    try (CpuGuard guard = CpuGuard.pin()) {
      COUNTS.get(guard).with(a -> COUNTS.get(guard).with(b -> b[0]++)); // expect: definite
    }
  }
}
