import dev.percpu.PerCpu;

/** The same field of another instance: each instance allocates its own, so at most possible. */
class OtherInstanceField {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void mergeFrom(OtherInstanceField other) {
    counts.with(mine -> other.counts.with(theirs -> mine[0] += theirs[0])); // expect: possible
  }

  public static void main(String[] args) {
    new OtherInstanceField().mergeFrom(new OtherInstanceField()); // another instance: distinct
  }
}
