import dev.percpu.PerCpu;

/** The inner entry inside a loop and a try. */
class LoopTryCatch {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run(int times) {
    counts.with(outer -> {
      for (int i = 0; i < times; i++) {
        try {
          counts.with(inner -> inner[0]++); // expect: definite
        } catch (IllegalArgumentException e) {
          outer[0]--;
        }
      }
    });
  }

  public static void main(String[] args) {
    new LoopTryCatch().run(2);
  }
}
