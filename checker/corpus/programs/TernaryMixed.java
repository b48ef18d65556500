import dev.percpu.PerCpu;

/** One arm is the entered allocation, the other a different one: at most possible. */
class TernaryMixed {
  static void run(boolean same) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> other = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen = same ? counts : other;
    counts.with(outer -> chosen.with(inner -> inner[0]++)); // expect: possible
  }

  public static void main(String[] args) {
    run(args.length > 0); // the run takes the other arm
  }
}
