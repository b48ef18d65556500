import dev.percpu.PerCpu;

/** The same value handed down the recursion is reached twice: the level below nests it. */
class RecursivePassedAlong {
  private static void level(int depth, PerCpu<long[]> same) {
    same.with(
        m -> {
          if (depth > 0) {
            level(depth - 1, same); // expect: definite
          }
        });
  }

  public static void main(String[] args) {
    level(1, PerCpu.allocate(() -> new long[1]));
  }
}
