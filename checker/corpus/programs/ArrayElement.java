import dev.percpu.PerCpu;

/** An array element of the same type may be the entered allocation. */
class ArrayElement {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  @SuppressWarnings("unchecked")
  public static void main(String[] args) {
    PerCpu<long[]>[] shards = new PerCpu[] {PerCpu.allocate(() -> new long[1])};
    COUNTS.with(a -> shards[0].with(b -> b[0]++)); // expect: possible
  }
}
