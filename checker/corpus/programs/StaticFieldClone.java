import dev.percpu.PerCpu;

/** A static final field initialised from another's clone. */
class StaticFieldClone {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final PerCpu<long[]> ALIAS = COUNTS.clone();

  public static void main(String[] args) {
    COUNTS.with(a -> {
      ALIAS.with(b -> b[0]++); // expect: definite
    });
  }
}
