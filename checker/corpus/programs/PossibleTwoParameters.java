import dev.percpu.PerCpu;

/** Two parameters of the same type may be one allocation. */
class PossibleTwoParameters {
  static void transfer(PerCpu<long[]> from, PerCpu<long[]> into) {
    from.with(a -> into.with(b -> b[0] += a[0])); // expect: possible
  }

  public static void main(String[] args) {
    transfer(PerCpu.allocate(() -> new long[1]), PerCpu.allocate(() -> new long[1]));
  }
}
