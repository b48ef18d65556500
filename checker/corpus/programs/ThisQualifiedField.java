import dev.percpu.PerCpu;

/** this.field and field are the same allocation. */
class ThisQualifiedField {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    this.counts.with(a -> counts.with(b -> b[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    new ThisQualifiedField().run();
  }
}
