import dev.percpu.PerCpu;

/** A clone of a clone is still the same allocation. */
class CloneChain {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> far = counts.clone().clone();
    counts.with(outer -> {
      far.with(inner -> inner[0]++); // expect: definite
    });
  }
}
