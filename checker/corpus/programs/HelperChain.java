import dev.percpu.PerCpu;

/** The inner entry two private calls deep. */
class HelperChain {
  static final PerCpu<long[]> HITS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    HITS.with(slot -> first()); // expect: definite
  }

  private static void first() {
    second();
  }

  private static void second() {
    HITS.with(slot -> slot[0]++);
  }
}
