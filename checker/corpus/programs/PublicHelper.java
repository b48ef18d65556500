import dev.percpu.PerCpu;

/** A non-private helper without @Enters, in the same class, that enters the allocation. */
class PublicHelper {
  public static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void bump() {
    COUNTS.with(b -> b[0]++);
  }

  public static void main(String[] args) {
    COUNTS.with(a -> bump()); // expect: definite
  }
}
