package dev.percpu.errorprone;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

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
 * A {@code PerCpuToken} or {@code CpuGuard} that outlives its guard: stored into a field or a
 * collection, returned, or captured by a closure that runs later or on another thread. See {@code
 * docs/bugpattern/PerCpuGuardEscape.md}.
 *
 * <pre>{@code
 * try (CpuGuard g = CpuGuard.pin()) {
 *   PerCpuToken<long[]> t = counts.get(g);
 *   executor.execute(() -> t.with(v -> v[0]++));   // flagged: t is used on another thread
 * }
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A CpuGuard or PerCpuToken outlives its guard: stored into a field, returned, or captured by a closure that runs later or on another thread",
    severity = ERROR,
    linkType = NONE)
public final class PerCpuGuardEscape extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuGuardEscape() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuGuardEscape(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.GUARD_ESCAPE, config, tree, state);
  }
}
