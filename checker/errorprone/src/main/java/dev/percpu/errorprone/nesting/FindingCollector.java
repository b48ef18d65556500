package dev.percpu.errorprone.nesting;

import com.google.errorprone.fixes.Fix;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.percpu.analysis.FindingText;
import dev.percpu.analysis.Verdict;
import dev.percpu.errorprone.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one pass's nesting events into the findings the two nesting checks report, in the model's
 * words ({@link FindingText}): one finding per point, the first definite one if any, else the first
 * possible one. A definite finding at the inner call itself offers the reuse-the-value fix.
 */
final class FindingCollector implements NestingListener {
  private final UnitContext ctx;
  private final Map<Tree, Finding> findings = new LinkedHashMap<>();

  FindingCollector(UnitContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void nested(NestingEvent e) {
    Tree at = e.at().getLeaf();
    boolean definite = e.verdict() == Verdict.DEFINITE;
    Finding old = findings.get(at);
    if (old != null && (old.kind() == Finding.Kind.NESTED || !definite)) {
      return;
    }
    String message =
        definite
            ? FindingText.definite(
                e.inner().describe(), e.outer().call(), e.outer().line(), FindingText.via(e.via()))
            : FindingText.possible(
                e.inner().describe(),
                e.outer().call(),
                e.outer().line(),
                e.outer().identities().describe(),
                FindingText.via(e.via()),
                FindingText.DISTINCT_ADVICE);
    Optional<Fix> fix =
        definite && e.via().isEmpty() && at instanceof MethodInvocationTree call
            ? ctx.reuseValueFix(call, e.outer().closure(), e.at())
            : Optional.empty();
    findings.put(
        at,
        new Finding(
            definite ? Finding.Kind.NESTED : Finding.Kind.POSSIBLE_NESTED, e.at(), message, fix));
  }

  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }
}
