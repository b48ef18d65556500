import dev.percpu.PerCpu;

/** An inner class entering its outer instance's field twice. */
class InnerClassOuterField {
  private final PerCpu<long[]> own = PerCpu.allocate(() -> new long[1]);

  class Inner {
    void run() {
      own.with(a -> {
        own.with(b -> b[0]++); // expect: definite
      });
    }
  }

  public static void main(String[] args) {
    new InnerClassOuterField().new Inner().run();
  }
}
