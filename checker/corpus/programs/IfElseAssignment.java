import dev.percpu.PerCpu;

/** Each branch assigns the same allocation. */
class IfElseAssignment {
  static void run(boolean useClone) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen;
    if (useClone) {
      chosen = counts.clone();
    } else {
      chosen = counts;
    }
    counts.with(outer -> chosen.with(inner -> inner[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    run(args.length == 0);
  }
}
