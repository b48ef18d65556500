import dev.percpu.PerCpu;
import dev.percpu.qual.Distinct;

/** Parameters annotated @Distinct are promised to be different allocations. */
class DistinctParameters {
  static void transfer(@Distinct PerCpu<long[]> from, @Distinct PerCpu<long[]> into) {
    from.with(a -> into.with(b -> b[0] += a[0]));
  }

  public static void main(String[] args) {
    transfer(PerCpu.allocate(() -> new long[1]), PerCpu.allocate(() -> new long[1]));
  }
}
