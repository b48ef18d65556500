package dev.percpu.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpuCounter;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * The counter's two cells per CPU. Pinned updates go to the owned cell with a plain read and an
 * opaque write, relying on the slot for exclusivity and on the hand-over for each owner to start
 * from the last value; unpinned updates go to the shared cell with a compare-and-set (and, if that
 * fails, a {@code getAndAdd} elsewhere). With one slot, every actor hits the same CPU's cells.
 */
public final class CounterCellsTest {
  private CounterCellsTest() {}

  /**
   * A pinned owner's plain updates of the owned cell against an unpinned atomic add on the same
   * CPU: the sum is exact, 1 + 1 + 10.
   */
  @JCStressTest
  @Outcome(id = "12", expect = ACCEPTABLE, desc = "Every update counted once.")
  @Outcome(expect = FORBIDDEN, desc = "An update lost between the owned and the shared cell.")
  @State
  public static class PinnedAndUnpinned {
    private final PerCpuCounter counter = PerCpuCounter.allocate();

    @Actor
    public void pinned() {
      try (CpuGuard guard = CpuGuard.pin()) {
        counter.add(guard, 1); // two updates under one pin: the owner's plain read-modify-write
        counter.increment(guard);
      }
    }

    @Actor
    public void unpinned() {
      counter.add(10);
    }

    @Arbiter
    public void arbiter(J_Result r) {
      r.r1 = counter.sum();
    }
  }

  /**
   * Two unpinned adds that collide on the one shared cell: the loser of the compare-and-set falls
   * back to {@code getAndAdd}, and nothing is lost.
   */
  @JCStressTest
  @Outcome(id = "30", expect = ACCEPTABLE, desc = "Both adds counted once.")
  @Outcome(expect = FORBIDDEN, desc = "An add lost on the shared cell.")
  @State
  public static class TwoUnpinned {
    private final PerCpuCounter counter = PerCpuCounter.allocate();

    @Actor
    public void addTen() {
      counter.add(10);
    }

    @Actor
    public void addTwenty() {
      counter.add(20);
    }

    @Arbiter
    public void arbiter(J_Result r) {
      r.r1 = counter.sum();
    }
  }

  /**
   * A reader without a pin sees each cell's value as written, never torn, and the owner's own
   * {@code addAndGet} sees its predecessor's value: the second owner reads 1 + its own 2, or the
   * first owner's view if it came first.
   */
  @JCStressTest
  @Outcome(id = "1, 3", expect = ACCEPTABLE, desc = "The one-adder owned the slot first.")
  @Outcome(id = "3, 2", expect = ACCEPTABLE, desc = "The two-adder owned the slot first.")
  @Outcome(expect = FORBIDDEN, desc = "An owner did not start from its predecessor's value.")
  @State
  public static class OwnerHandOver {
    private final PerCpuCounter counter = PerCpuCounter.allocate();

    @Actor
    public void addOne(JJ_Result r) {
      try (CpuGuard guard = CpuGuard.pin()) {
        r.r1 = counter.addAndGet(guard, 1);
      }
    }

    @Actor
    public void addTwo(JJ_Result r) {
      try (CpuGuard guard = CpuGuard.pin()) {
        r.r2 = counter.addAndGet(guard, 2);
      }
    }
  }
}
