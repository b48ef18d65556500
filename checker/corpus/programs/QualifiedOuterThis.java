import dev.percpu.PerCpu;

/** Outer.this.field and the implicit field are the same allocation. */
class QualifiedOuterThis {
  private final PerCpu<long[]> own = PerCpu.allocate(() -> new long[1]);

  class Inner {
    void run() {
      QualifiedOuterThis.this.own.with(a -> {
        own.with(b -> b[0]++); // expect: definite
      });
    }
  }

  public static void main(String[] args) {
    new QualifiedOuterThis().new Inner().run();
  }
}
