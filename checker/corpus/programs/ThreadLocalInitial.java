import dev.percpu.PerCpu;

/**
 * ThreadLocal.withInitial's supplier runs on the thread that first calls get(), if it has not
 * yet: at most possible. This run initialises it before the entry, so it does not nest.
 */
class ThreadLocalInitial {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final ThreadLocal<long[]> LOCAL =
      ThreadLocal.withInitial(() -> COUNTS.apply(b -> new long[] {b[0]}));

  public static void main(String[] args) {
    LOCAL.get();
    COUNTS.with(a -> a[0] += LOCAL.get()[0]); // expect: possible
  }
}
