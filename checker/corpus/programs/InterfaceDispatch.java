import dev.percpu.PerCpu;

/** A call through an interface whose only implementation enters the same allocation. */
class InterfaceDispatch {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  interface Op {
    void run();
  }

  static final class Bump implements Op {
    @Override
    public void run() {
      COUNTS.with(b -> b[0]++);
    }
  }

  public static void main(String[] args) {
    Op op = new Bump();
    COUNTS.with(a -> op.run()); // expect: definite
  }
}
