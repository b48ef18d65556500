import dev.percpu.PerCpu;

/** A helper entering an instance field, run on an object made here: that object's own field. */
class NewReceiverHelper {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  private void bump() {
    counts.with(c -> c[0]++);
  }

  void run() {
    counts.with(c -> new NewReceiverHelper().bump());
  }

  public static void main(String[] args) {
    new NewReceiverHelper().run();
  }
}
