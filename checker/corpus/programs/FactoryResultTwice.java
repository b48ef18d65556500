import dev.percpu.PerCpu;

/** One result of a factory reached twice is one allocation. */
class FactoryResultTwice {
  static PerCpu<long[]> make() {
    return PerCpu.allocate(() -> new long[1]);
  }

  public static void main(String[] args) {
    PerCpu<long[]> made = make();
    PerCpu<long[]> same = made;
    made.with(a -> same.with(b -> b[0] += a[0])); // expect: definite
  }
}
