import dev.percpu.PerCpu;

/** Each call of a factory allocates afresh; the model treats a method result as unknown. */
class FactoryResults {
  static PerCpu<long[]> make() {
    return PerCpu.allocate(() -> new long[1]);
  }

  public static void main(String[] args) {
    make().with(a -> make().with(b -> b[0] += a[0])); // expect: possible
  }
}
