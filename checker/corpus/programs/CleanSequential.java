import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

/** Entries one after another, on clones and tokens, are not nested. */
class CleanSequential {
  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> copy = counts.clone();
    counts.with(a -> a[0]++);
    copy.with(a -> a[0]++);
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<long[]> t = counts.get(g);
      t.with(a -> a[0]++);
      t.with(a -> a[0]++);
    }
  }
}
