import dev.percpu.PerCpu;

/** super.field and the inherited field are the same allocation. */
class SuperField {
  static class Base {
    final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  }

  static class Sub extends Base {
    void run() {
      counts.with(a -> super.counts.with(b -> b[0]++)); // expect: definite
    }
  }

  public static void main(String[] args) {
    new Sub().run();
  }
}
