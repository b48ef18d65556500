import dev.percpu.PerCpu;

/** Handles with different type arguments cannot be one allocation. */
class CleanDifferentTypes {
  static void run(PerCpu<long[]> counts, PerCpu<StringBuilder> text) {
    counts.with(a -> text.with(b -> b.append(a[0])));
  }

  public static void main(String[] args) {
    run(PerCpu.allocate(() -> new long[1]), PerCpu.allocate(StringBuilder::new));
  }
}
