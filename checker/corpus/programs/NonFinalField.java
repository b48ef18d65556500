import dev.percpu.PerCpu;

/** A non-final field is unknown to the checkers, though this run assigns it the entered one. */
class NonFinalField {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static PerCpu<long[]> current = COUNTS;

  public static void main(String[] args) {
    COUNTS.with(a -> current.with(b -> b[0]++)); // expect: possible
  }
}
