import dev.percpu.PerCpu;

/** A newly constructed instance's field is a fresh allocation, distinct from this one's. */
class FreshInstanceField {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(mine -> new FreshInstanceField().counts.with(theirs -> theirs[0] += mine[0]));
  }

  public static void main(String[] args) {
    new FreshInstanceField().run();
  }
}
