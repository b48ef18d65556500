import dev.percpu.PerCpu;

/** A constructor that enters, called inside an entry of the same allocation. */
class ConstructorEnters {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  ConstructorEnters() {
    COUNTS.with(b -> b[0]++);
  }

  public static void main(String[] args) {
    COUNTS.with(a -> new ConstructorEnters()); // expect: definite
  }
}
