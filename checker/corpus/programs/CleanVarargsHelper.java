import dev.percpu.PerCpu;

/** A varargs helper entering every handle it is given, called with other allocations. */
class CleanVarargsHelper {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final PerCpu<long[]> OTHER = PerCpu.allocate(() -> new long[1]);
  static final PerCpu<long[]> THIRD = PerCpu.allocate(() -> new long[1]);

  @SafeVarargs
  static void bumpAll(PerCpu<long[]>... handles) {
    for (PerCpu<long[]> h : handles) {
      h.with(b -> b[0]++);
    }
  }

  public static void main(String[] args) {
    COUNTS.with(a -> bumpAll(OTHER, THIRD));
  }
}
