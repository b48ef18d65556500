import dev.percpu.PerCpu;

/** A helper enters first and then runs the caller's closure, which enters again. */
class HelperEntersAroundClosure {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    inside(() -> {
      COUNTS.with(b -> b[0]++); // expect: definite
    });
  }

  private static void inside(Runnable body) {
    COUNTS.with(a -> body.run());
  }
}
