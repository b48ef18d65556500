import dev.percpu.PerCpu;

/** A lambda kept in a static final field and run inside the entry runs now. */
class StaticRunnableField {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final Runnable BUMP = () -> COUNTS.with(b -> b[0]++);

  public static void main(String[] args) {
    COUNTS.with(a -> BUMP.run()); // expect: definite
  }
}
