import dev.percpu.PerCpu;

/** The same handle entered inside its own closure. */
class SameHandle {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    counts.with(outer -> {
      outer[0]++;
      counts.with(inner -> inner[0]++); // expect: definite
    });
  }
}
