import dev.percpu.PerCpu;

/** A method reference as the closure, whose body enters again. */
class MethodReference {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(this::addTwice); // expect: definite
  }

  private void addTwice(long[] slot) {
    slot[0]++;
    counts.with(again -> again[0]++);
  }

  public static void main(String[] args) {
    new MethodReference().run();
  }
}
