import dev.percpu.PerCpu;
import java.util.Optional;

/** Optional.ifPresent runs its lambda now. */
class OptionalIfPresent {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(outer -> Optional.of(2L).ifPresent(d -> {
      COUNTS.with(inner -> inner[0] += d); // expect: definite
    }));
  }
}
