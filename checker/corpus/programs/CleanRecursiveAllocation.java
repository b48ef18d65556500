import dev.percpu.PerCpu;

/** Each recursion level allocates anew: the level below enters its own allocation, not ours. */
class CleanRecursiveAllocation {
  private static void level(int depth) {
    PerCpu<long[]> mine = PerCpu.allocate(() -> new long[1]);
    mine.with(
        m -> {
          m[0]++;
          if (depth > 0) {
            level(depth - 1);
          }
        });
  }

  public static void main(String[] args) {
    level(2);
  }
}
