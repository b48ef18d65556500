import dev.percpu.PerCpu;

/** A helper entering a static field, run on another object: the class's one allocation. */
class StaticFieldOtherReceiver {
  private static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  private void bump() {
    COUNTS.with(c -> c[0]++);
  }

  void bumpThrough(StaticFieldOtherReceiver other) {
    COUNTS.with(c -> other.bump()); // expect: definite
  }

  public static void main(String[] args) {
    new StaticFieldOtherReceiver().bumpThrough(new StaticFieldOtherReceiver());
  }
}
