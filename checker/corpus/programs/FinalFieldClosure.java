import dev.percpu.PerCpu;

/** A closure held in a final instance field and run later inside an entry runs now. */
class FinalFieldClosure {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
  private final Runnable bump = () -> counts.with(b -> b[0]++);

  void run() {
    counts.with(a -> bump.run()); // expect: definite
  }

  public static void main(String[] args) {
    new FinalFieldClosure().run();
  }
}
