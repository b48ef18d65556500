package dev.percpu.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;

/**
 * Reports one kind of the shared findings for one thin check. Suppression is checked here on every
 * enclosing declaration, because a compilation-unit matcher is only suppressed by Error Prone
 * itself when the whole unit is.
 */
final class FindingReporter {

  private FindingReporter() {}

  static Description report(
      BugChecker checker,
      Finding.Kind kind,
      PerCpuConfig config,
      CompilationUnitTree unit,
      VisitorState state) {
    if (!SelfTiming.ENABLED) {
      return reportUntimed(checker, kind, config, unit, state);
    }
    long start = SelfTiming.now();
    try {
      return reportUntimed(checker, kind, config, unit, state);
    } finally {
      SelfTiming.add(SelfTiming.now() - start);
    }
  }

  private static Description reportUntimed(
      BugChecker checker,
      Finding.Kind kind,
      PerCpuConfig config,
      CompilationUnitTree unit,
      VisitorState state) {
    if (config.error().isPresent()) {
      return Description.NO_MATCH; // reported once by PerCpuNestedAccess
    }
    for (Finding f : PerCpuAnalysis.findings(unit, state, config, kind)) {
      try {
        if (f.kind() != kind || f.path() == null || suppressed(checker, f.path(), state)) {
          continue;
        }
        Description.Builder d =
            checker.buildDescription(f.path().getLeaf()).setMessage(f.message());
        f.fix().ifPresent(d::addFix);
        BugPatternLinks.link(checker.canonicalName(), config).ifPresent(d::setLinkUrl);
        state.reportMatch(d.build());
      } catch (RuntimeException e) {
        // Never crash javac: a finding that cannot be reported is dropped, the others still are.
        if (Boolean.getBoolean(PerCpuAnalysis.RETHROW_PROPERTY)) {
          throw e;
        }
      }
    }
    return Description.NO_MATCH;
  }

  private static boolean suppressed(BugChecker checker, TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof ClassTree || t instanceof MethodTree || t instanceof VariableTree) {
        Symbol s = ASTHelpers.getSymbol(t);
        if (s != null && checker.isSuppressed(s, state)) {
          return true;
        }
      }
    }
    return false;
  }
}
