import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

/** A helper enters the token it is given, a token of the entered allocation. */
class TokenHelper {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  private static void bump(PerCpuToken<long[]> token) {
    token.with(b -> b[0]++);
  }

  public static void main(String[] args) {
    try (CpuGuard guard = CpuGuard.pin()) {
      COUNTS.with(a -> bump(COUNTS.get(guard))); // expect: definite
    }
  }
}
