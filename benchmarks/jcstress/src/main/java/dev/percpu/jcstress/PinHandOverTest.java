package dev.percpu.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The hand-over of a slot's value between two pins on the same CPU slot: one actor writes two plain
 * fields under a pin, the other reads them, in the opposite order, under its own pin. Only "all
 * before" and "all after" are allowed. {@code 1, 0} would mean the reader saw the later write
 * without the earlier one (the unpin's release or the pin's acquire is missing); {@code 0, 1} would
 * mean the two closures overlapped.
 */
public final class PinHandOverTest {
  private PinHandOverTest() {}

  /** Two plain fields, written and read only under a pin. */
  static final class Pair {
    int x;
    int y;
  }

  /** Through {@code PerCpu.with}: the convenience pin. */
  @JCStressTest
  @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The reader pinned first.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The writer pinned first.")
  @Outcome(expect = FORBIDDEN, desc = "A torn hand-over or overlapping pins.")
  @State
  public static class With {
    private final PerCpu<Pair> pairs = PerCpu.allocate(Pair::new);

    @Actor
    public void writer() {
      pairs.with(
          p -> {
            p.x = 1;
            p.y = 1;
          });
    }

    @Actor
    public void reader(II_Result r) {
      pairs.with(
          p -> {
            r.r1 = p.y;
            r.r2 = p.x;
          });
    }
  }

  /** Through an explicit guard and token, closed by try-with-resources. */
  @JCStressTest
  @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The reader pinned first.")
  @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The writer pinned first.")
  @Outcome(expect = FORBIDDEN, desc = "A torn hand-over or overlapping pins.")
  @State
  public static class GuardAndToken {
    private final PerCpu<Pair> pairs = PerCpu.allocate(Pair::new);

    @Actor
    public void writer() {
      try (CpuGuard guard = CpuGuard.pin()) {
        pairs
            .get(guard)
            .with(
                p -> {
                  p.x = 1;
                  p.y = 1;
                });
      }
    }

    @Actor
    public void reader(II_Result r) {
      try (CpuGuard guard = CpuGuard.pin()) {
        pairs
            .get(guard)
            .with(
                p -> {
                  r.r1 = p.y;
                  r.r2 = p.x;
                });
      }
    }
  }
}
