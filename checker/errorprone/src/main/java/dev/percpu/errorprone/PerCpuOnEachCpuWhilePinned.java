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
 * {@code CpuGuard.onEachCpu} called while the thread is pinned (inside a {@code with}/{@code apply}
 * closure, a {@code CpuGuard} try block or another {@code onEachCpu} action, directly or through
 * the unit's own methods): it always throws {@code IllegalStateException} at run time, since the
 * thread would wait for its own slot (ERROR). See {@code
 * docs/bugpattern/PerCpuOnEachCpuWhilePinned.md}.
 *
 * <pre>{@code
 * counts.with(c -> CpuGuard.onEachCpu(g -> total.add(counts.get(g))));   // flagged
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "CpuGuard.onEachCpu called while the thread is pinned always throws IllegalStateException: the thread would wait for its own CPU slot",
    severity = ERROR,
    linkType = NONE)
public final class PerCpuOnEachCpuWhilePinned extends BugChecker
    implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuOnEachCpuWhilePinned() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuOnEachCpuWhilePinned(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.ON_EACH_CPU_WHILE_PINNED, config, tree, state);
  }
}
