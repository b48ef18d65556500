import dev.percpu.PerCpu;

/** A constructor entering the instance field of the object it makes, not the caller's. */
class ConstructorOwnField {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  private ConstructorOwnField(boolean bump) {
    if (bump) {
      counts.with(c -> c[0]++);
    }
  }

  void run() {
    counts.with(c -> new ConstructorOwnField(true));
  }

  public static void main(String[] args) {
    new ConstructorOwnField(false).run();
  }
}
