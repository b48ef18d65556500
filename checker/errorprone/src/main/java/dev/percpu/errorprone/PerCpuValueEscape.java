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
 * The value a {@code with}/{@code apply} closure receives, stored where it outlives the closure
 * (WARNING). See {@code docs/bugpattern/PerCpuValueEscape.md}.
 *
 * <pre>{@code
 * counts.with(v -> this.last = v);     // flagged: last aliases this CPU's slot
 * long n = counts.apply(v -> v[0]);    // fine: a copy of what is needed
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "The value a with/apply closure receives is stored where it outlives the closure",
    severity = WARNING,
    linkType = NONE)
public final class PerCpuValueEscape extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuValueEscape() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuValueEscape(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.VALUE_ESCAPE, config, tree, state);
  }
}
