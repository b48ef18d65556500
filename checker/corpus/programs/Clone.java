import dev.percpu.PerCpu;

/** A clone is the same allocation as its original. */
class Clone {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> copy = counts.clone();
    counts.with(outer -> copy.with(inner -> inner[0]++)); // expect: definite
  }
}
