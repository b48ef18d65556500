import dev.percpu.PerCpu;

/** Two fresh allocations are distinct. */
class CleanDistinctFields {
  static final PerCpu<long[]> A = PerCpu.allocate(() -> new long[1]);
  static final PerCpu<long[]> B = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    A.with(a -> B.with(b -> b[0] += a[0]));
  }
}
