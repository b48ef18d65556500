package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.errorprone.Finding;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.List;
import java.util.Map;

/**
 * The nesting analysis of one compilation unit: a fixpoint of {@link NestingScanner} passes over
 * the unit's call graph. Within a pass a callee is summarised on demand before its caller uses it;
 * a recursive call uses the summary of the pass before. When a pass leaves every summary unchanged
 * its findings are final; a unit without recursion needs one pass.
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
    NestingContext ctx = new NestingContext(unit, state, config);
    Map<MethodSymbol, MethodSummary> summaries = Map.of();
    List<Finding> findings = List.of();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      NestingScanner scanner = new NestingScanner(ctx, summaries);
      scanner.scan(unit, EnteredSet.EMPTY);
      findings = scanner.findings();
      Map<MethodSymbol, MethodSummary> next = scanner.summaries();
      next.values().removeIf(MethodSummary::isEmpty);
      if (!scanner.usedStaleSummary() || next.equals(summaries)) {
        break; // without recursion every callee was summarised before its first use
      }
      summaries = next;
    }
    return findings;
  }
}
