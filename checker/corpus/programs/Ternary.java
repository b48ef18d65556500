import dev.percpu.PerCpu;

/** Both arms of the conditional are the same allocation. */
class Ternary {
  static void run(boolean fast) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen = fast ? counts : counts.clone();
    counts.with(outer -> chosen.with(inner -> inner[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    run(args.length == 0);
  }
}
