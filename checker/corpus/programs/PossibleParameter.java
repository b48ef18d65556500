import dev.percpu.PerCpu;

/** A parameter of the same type: nothing proves it distinct. The run passes another one. */
class PossibleParameter {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void mergeFrom(PerCpu<long[]> other) {
    counts.with(mine -> other.with(theirs -> mine[0] += theirs[0])); // expect: possible
  }

  public static void main(String[] args) {
    new PossibleParameter().mergeFrom(PerCpu.allocate(() -> new long[1]));
  }
}
