import dev.percpu.PerCpu;

/** A conditional written at the inner call, both arms the entered allocation. */
class InlineConditional {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    boolean flag = args.length == 0;
    COUNTS.with(a -> (flag ? COUNTS : COUNTS.clone()).with(b -> b[0]++)); // expect: definite
  }
}
