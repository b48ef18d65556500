import dev.percpu.PerCpu;
import java.util.Optional;

/** Optional.map runs its lambda now. */
class LibraryOptionalMap {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(outer -> Optional.of(1L).map(d -> COUNTS.apply(inner -> inner[0] += d))); // expect: definite
  }
}
