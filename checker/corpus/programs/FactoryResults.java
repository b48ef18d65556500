import dev.percpu.PerCpu;

/** Each call of a factory that cannot be overridden allocates afresh: two results are distinct. */
class FactoryResults {
  static PerCpu<long[]> make() {
    return PerCpu.allocate(() -> new long[1]);
  }

  public static void main(String[] args) {
    make().with(a -> make().with(b -> b[0] += a[0]));
  }
}
