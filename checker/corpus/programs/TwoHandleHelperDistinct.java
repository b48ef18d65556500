import dev.percpu.PerCpu;

/** A helper nesting its two handle parameters, called with two allocations. */
class TwoHandleHelperDistinct {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final PerCpu<long[]> OTHER = PerCpu.allocate(() -> new long[1]);

  static <T> void nest(PerCpu<T> outer, PerCpu<T> inner) {
    outer.with(a -> inner.with(b -> {})); // expect: possible
  }

  public static void main(String[] args) {
    nest(COUNTS, OTHER);
  }
}
