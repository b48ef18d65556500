package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.errorprone.Finding;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.List;
import java.util.Map;

/**
 * The blocking-while-pinned analysis of one compilation unit: a fixpoint of {@link BlockingScanner}
 * passes over the unit's {@link BlockingSummary summaries}. Within a pass a callee is summarised on
 * demand before its caller uses it, so only recursion needs another pass.
 */
public final class BlockingAnalysis {

  /** Summaries only grow; this bounds pathological recursion. */
  private static final int MAX_PASSES = 8;

  private BlockingAnalysis() {}

  /** The findings of {@code PerCpuBlockingWhilePinned} and {@code PerCpuOnEachCpuWhilePinned}. */
  public static List<Finding> run(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    UnitContext ctx = new UnitContext(unit, state, config);
    Map<MethodSymbol, BlockingSummary> summaries = Map.of();
    List<Finding> findings = List.of();
    int passes = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      passes++;
      BlockingScanner scanner = new BlockingScanner(ctx, state.getElements(), summaries);
      scanner.scan(unit, BlockingScanner.Ctx.TOP);
      findings = scanner.findings();
      Map<MethodSymbol, BlockingSummary> next = scanner.summaries();
      if (!scanner.usedPrevious() || next.equals(summaries)) {
        break;
      }
      summaries = next;
    }
    FixpointStats.record(FixpointStats.Analysis.BLOCKING, passes);
    return findings;
  }
}
