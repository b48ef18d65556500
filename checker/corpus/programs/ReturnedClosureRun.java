import dev.percpu.PerCpu;

/** A closure returned by a helper and run by the caller inside an entry runs now. */
class ReturnedClosureRun {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  private static Runnable later() {
    return () -> COUNTS.with(b -> b[0]++);
  }

  public static void main(String[] args) {
    COUNTS.with(a -> later().run()); // expect: definite
  }
}
