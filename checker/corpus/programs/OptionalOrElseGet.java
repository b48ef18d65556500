import dev.percpu.PerCpu;
import java.util.Optional;

/** Optional.orElseGet runs its supplier only when empty: at most possible. This one is present. */
class OptionalOrElseGet {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Optional<Long> present = Optional.of(args.length + 1L);
    COUNTS.with(a -> a[0] += present.orElseGet(() -> COUNTS.apply(b -> b[0]))); // expect: possible
  }
}
