package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.errorprone.Finding;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.List;
import java.util.Map;

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
    UnitContext ctx = new UnitContext(unit, state, config);
    Map<MethodSymbol, EffectSummary> summaries = Map.of();
    List<Finding> findings = List.of();
    int passes = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      passes++;
      SummaryTable table = new SummaryTable(summaries);
      FindingCollector collector = new FindingCollector(ctx);
      new NestingScanner(ctx, table, collector).scan(unit, ScanContext.TOP);
      findings = collector.findings();
      Map<MethodSymbol, EffectSummary> next = table.finished();
      if (!table.usedPrevious() || next.equals(summaries)) {
        break; // without recursion every callee was summarised before its first use
      }
      summaries = next;
    }
    FixpointStats.record(FixpointStats.Analysis.NESTING, passes);
    return findings;
  }
}
