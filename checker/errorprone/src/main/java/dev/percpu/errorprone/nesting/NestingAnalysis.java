package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.errorprone.Finding;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The nesting analysis of one compilation unit: the fixpoint driver over the model's {@link
 * EffectSummary summaries}. Each pass is one {@link NestingScanner} walk with a fresh {@link
 * SummaryTable} and {@link FindingCollector}; within a pass a callee is summarised on demand before
 * its caller uses it, and a recursive call uses the summary of the pass before. When a pass leaves
 * every summary unchanged its findings are final; a unit without recursion needs one pass.
 */
public final class NestingAnalysis {

  /**
   * Callees are summarised on demand within a pass, so only recursion needs further passes; it can
   * only grow summaries, and this bounds pathological units.
   */
  private static final int MAX_PASSES = 8;

  private NestingAnalysis() {}

  /** All definite and possible nesting findings of {@code unit}. */
  public static List<Finding> run(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    CrossUnitSummaries others = CrossUnitSummaries.instance(state, config);
    UnitContext ctx =
        new UnitContext(unit, state, config, others.seenFrom(unit), others::sourceMethods);
    FindingCollector last = fixpoint(ctx, () -> new FindingCollector(ctx)).listener();
    return last.findings();
  }

  /**
   * The fixpoint over {@code ctx}'s unit: each pass reports to a fresh listener; the result is the
   * last pass's listener and its table (whose summaries are final).
   */
  static <L extends NestingListener> Result<L> fixpoint(UnitContext ctx, Supplier<L> listeners) {
    Map<MethodSymbol, EffectSummary> summaries = Map.of();
    SummaryTable table = null;
    L collector = null;
    int passes = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      passes++;
      table = new SummaryTable(summaries);
      collector = listeners.get();
      new NestingScanner(ctx, table, collector).scan(ctx.unit(), ScanContext.TOP);
      Map<MethodSymbol, EffectSummary> next = table.finished();
      if (!table.usedPrevious() || next.equals(summaries)) {
        break; // without recursion every callee was summarised before its first use
      }
      summaries = next;
    }
    FixpointStats.record(FixpointStats.Analysis.NESTING, passes);
    return new Result<>(collector, table);
  }

  /** The last pass of a fixpoint: what its listener heard, and its summaries. */
  record Result<L>(L listener, SummaryTable table) {}
}
