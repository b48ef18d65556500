import dev.percpu.PerCpu;

/** A clone taken at the inner call itself. */
class CloneInline {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    counts.with(outer -> counts.clone().with(inner -> inner[0]++)); // expect: definite
  }
}
