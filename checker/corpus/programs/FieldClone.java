import dev.percpu.PerCpu;

/** A final field initialised from another field's clone. */
class FieldClone {
  private final PerCpu<long[]> primary = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> mirror = primary.clone();

  void run() {
    primary.with(outer -> mirror.with(inner -> inner[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    new FieldClone().run();
  }
}
