import dev.percpu.PerCpu;

/** apply is an entering method like with. */
class ApplyNested {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    long n = counts.apply(outer -> counts.apply(inner -> inner[0]++)); // expect: definite
    System.out.println(n);
  }
}
