import dev.percpu.PerCpu;

/** A lambda kept in a local and run inside the entry runs now. */
class LocalRunnable {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Runnable bump = () -> COUNTS.with(b -> b[0]++);
    COUNTS.with(a -> bump.run()); // expect: definite
  }
}
