import dev.percpu.PerCpu;

/** Thread.run(), unlike start(), runs the closure on this thread, now. */
class ThreadRunDirectly {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(a -> new Thread(() -> COUNTS.with(b -> b[0]++)).run()); // expect: definite
  }
}
