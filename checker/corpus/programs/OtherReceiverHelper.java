import dev.percpu.PerCpu;

/** A helper entering an instance field, run on another object: its own field, or perhaps ours. */
class OtherReceiverHelper {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  private void bump() {
    counts.with(c -> c[0]++);
  }

  void bumpBoth(OtherReceiverHelper other) {
    counts.with(c -> other.bump()); // expect: possible
  }

  public static void main(String[] args) {
    new OtherReceiverHelper().bumpBoth(new OtherReceiverHelper()); // another instance: distinct
  }
}
