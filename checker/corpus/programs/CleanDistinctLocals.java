import dev.percpu.PerCpu;

/** Two local fresh allocations are distinct. */
class CleanDistinctLocals {
  public static void main(String[] args) {
    PerCpu<long[]> x = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> y = PerCpu.allocate(() -> new long[1]);
    x.with(a -> y.with(b -> b[0] += a[0]));
  }
}
