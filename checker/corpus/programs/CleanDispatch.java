import dev.percpu.PerCpu;

/** A call through an interface on an object of unknown class, none of whose implementations enters. */
class CleanDispatch {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  interface Step {
    long next(long v);
  }

  static final class Twice implements Step {
    @Override
    public long next(long v) {
      return v * 2;
    }
  }

  static final class Same implements Step {
    @Override
    public long next(long v) {
      return v;
    }
  }

  static void apply(Step step) {
    COUNTS.with(a -> a[0] = step.next(a[0] + 1));
  }

  public static void main(String[] args) {
    apply(new Twice());
    apply(new Same());
  }
}
