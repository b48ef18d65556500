import dev.percpu.PerCpu;

/** A method that re-enters through recursion. */
class Recursive {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  static void recurse(int depth) {
    COUNTS.with(a -> {
      if (depth > 0) {
        recurse(depth - 1); // expect: definite
      }
    });
  }

  public static void main(String[] args) {
    recurse(1);
  }
}
