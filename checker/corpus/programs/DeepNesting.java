import dev.percpu.PerCpu;

/** The outermost allocation entered three levels down. */
class DeepNesting {
  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);
  private final PerCpu<long[]> c = PerCpu.allocate(() -> new long[1]);

  void run() {
    a.with(x -> b.with(y -> c.with(z -> {
      a.with(again -> again[0]++); // expect: definite
    })));
  }

  public static void main(String[] args) {
    new DeepNesting().run();
  }
}
