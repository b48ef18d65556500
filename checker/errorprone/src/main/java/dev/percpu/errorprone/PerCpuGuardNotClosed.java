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
 * A {@code CpuGuard} from {@code pin()} that is not a try-with-resources resource, in the spirit of
 * Error Prone's {@code MustBeClosed}. See {@code docs/bugpattern/PerCpuGuardNotClosed.md}.
 *
 * <pre>{@code
 * CpuGuard g = CpuGuard.pin();                 // flagged
 * try (CpuGuard ok = CpuGuard.pin()) { ... }   // fine
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A CpuGuard from pin() must be closed by try-with-resources",
    severity = ERROR,
    linkType = NONE)
public final class PerCpuGuardNotClosed extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuGuardNotClosed() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuGuardNotClosed(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.GUARD_NOT_CLOSED, config, tree, state);
  }
}
