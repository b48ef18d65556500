import dev.percpu.PerCpu;

/** Every arm of the switch yields the same allocation. */
class SwitchExpression {
  static void run(int k) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> chosen = switch (k) {
      case 0 -> counts;
      default -> counts.clone();
    };
    counts.with(a -> chosen.with(b -> b[0]++)); // expect: definite
  }

  public static void main(String[] args) {
    run(args.length);
  }
}
