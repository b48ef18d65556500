import dev.percpu.PerCpu;

/** A final instance field entered twice. */
class SameFinalField {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void countTwice() {
    counts.with(outer -> counts.with(inner -> inner[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    new SameFinalField().countTwice();
  }
}
