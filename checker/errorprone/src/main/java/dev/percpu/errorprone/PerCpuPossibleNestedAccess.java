package dev.percpu.errorprone;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import javax.inject.Inject;

/**
 * Possible nested access (WARNING): inside a closure that entered allocation A, an entry of a
 * handle of unknown origin (a parameter, a method result, a collection element) with A's type
 * argument, which nothing proves distinct. See {@code
 * docs/bugpattern/PerCpuPossibleNestedAccess.md}.
 *
 * <pre>{@code
 * void merge(PerCpu<long[]> other) {
 *   counts.with(a -> other.with(b -> a[0] += b[0]));   // other may be counts
 * }
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A closure that has entered a per-CPU allocation enters a handle that may reach the same allocation, and nothing proves the two distinct",
    severity = WARNING,
    linkType = NONE)
public final class PerCpuPossibleNestedAccess extends BugChecker
    implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuPossibleNestedAccess() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuPossibleNestedAccess(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.POSSIBLE_NESTED, config, tree, state);
  }
}
