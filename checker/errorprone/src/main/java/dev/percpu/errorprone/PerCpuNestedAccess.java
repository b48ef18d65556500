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
 * Definite nested access: inside a closure that entered allocation A, an entry of A again on the
 * same thread (and so the same CPU). See {@code docs/bugpattern/PerCpuNestedAccess.md}. This check
 * also reports malformed {@code -XepOpt:PerCpu:...} flags, once per compilation, as an error naming
 * the flag.
 *
 * <pre>{@code
 * PerCpu<long[]> alias = counts.clone();
 * counts.with(a -> alias.with(b -> b[0]++));   // flagged: alias is counts
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A closure that has entered a per-CPU allocation enters the same allocation again (through an alias, a clone, a symbol lookup, a token or a helper); this throws PerCpuNestingException at run time",
    severity = ERROR,
    linkType = NONE)
public final class PerCpuNestedAccess extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;
  private boolean configErrorReported;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PerCpuNestedAccess() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PerCpuNestedAccess(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (config.error().isPresent()) {
      if (configErrorReported) {
        return Description.NO_MATCH;
      }
      configErrorReported = true;
      return buildDescription(tree).setMessage(config.error().get()).build();
    }
    return FindingReporter.report(this, Finding.Kind.NESTED, config, tree, state);
  }
}
