import dev.percpu.PerCpu;

/** A private helper that runs the Runnable it is given. */
class InvokingHelper {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(outer -> twice(() -> counts.with(inner -> inner[0]++))); // expect: definite
  }

  private static void twice(Runnable body) {
    body.run();
    body.run();
  }

  public static void main(String[] args) {
    new InvokingHelper().run();
  }
}
