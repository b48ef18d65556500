package dev.percpu.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two actors bump one slot's plain counter with a separate read and write, and note whether another
 * actor was inside at the same time; the arbiter then reads every slot. With exclusive slots no
 * update is lost and no actor ever finds another inside: the arbiter sees {@code 2, 0}. (jcstress
 * runs a test only if it has a CPU per actor, so each pairs two of the entry forms.)
 */
public final class SlotExclusivityTest {
  private SlotExclusivityTest() {}

  /** A slot's value that notices a second visitor. */
  static final class Cell {
    int count;
    boolean inside;
    int overlaps;

    void bump() {
      if (inside) {
        overlaps++;
      }
      inside = true;
      int seen = count;
      count = seen + 1;
      inside = false;
    }
  }

  /** The bumps and overlaps summed over every slot, read under a pin of each. */
  static void total(PerCpu<Cell> cells, II_Result r) {
    int[] total = new int[2];
    CpuGuard.onEachCpu(
        guard ->
            cells
                .get(guard)
                .with(
                    c -> {
                      total[0] += c.count;
                      total[1] += c.overlaps;
                    }));
    r.r1 = total[0];
    r.r2 = total[1];
  }

  /** {@code PerCpu.with} against a guard and token. */
  @JCStressTest
  @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Both bumps kept, no overlap.")
  @Outcome(expect = FORBIDDEN, desc = "A lost update or two actors inside one slot at once.")
  @State
  public static class WithAndGuard {
    private final PerCpu<Cell> cells = PerCpu.allocate(Cell::new);

    @Actor
    public void with() {
      cells.with(Cell::bump);
    }

    @Actor
    public void guard() {
      try (CpuGuard guard = CpuGuard.pin()) {
        cells.get(guard).with(Cell::bump);
      }
    }

    @Arbiter
    public void arbiter(II_Result r) {
      total(cells, r);
    }
  }

  /** A nested pin (only the outermost takes the slot) against {@code PerCpu.apply}. */
  @JCStressTest
  @Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "Both bumps kept, no overlap.")
  @Outcome(expect = FORBIDDEN, desc = "A lost update or two actors inside one slot at once.")
  @State
  public static class NestedGuardAndApply {
    private final PerCpu<Cell> cells = PerCpu.allocate(Cell::new);

    @Actor
    public void nestedGuard() {
      try (CpuGuard outer = CpuGuard.pin();
          CpuGuard inner = CpuGuard.pin()) {
        cells.get(inner).with(Cell::bump);
      }
    }

    @Actor
    public void apply() {
      cells.apply(
          c -> {
            c.bump();
            return c;
          });
    }

    @Arbiter
    public void arbiter(II_Result r) {
      total(cells, r);
    }
  }
}
