import dev.percpu.PerCpu;

/** A call through an interface on an object of unknown class, one of whose implementations enters. */
class DispatchUnknownReceiver {
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

  static final class Quiet implements Op {
    @Override
    public void run() {}
  }

  static void apply(Op op) {
    COUNTS.with(a -> op.run()); // expect: possible
  }

  public static void main(String[] args) {
    apply(new Quiet());
  }
}
