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
 * Possible re-entry of a map from inside its own {@code computeIfAbsent}, {@code compute}, {@code
 * computeIfPresent} or {@code merge} function (WARNING): the inner map may be the outer one (a
 * parameter, another object's field, a method result of the same type), or the function may or may
 * not run inside the call. See {@code docs/bugpattern/PossibleNestedMapCompute.md}.
 *
 * <pre>{@code
 * void link(Map<String, Integer> ids, Map<String, Integer> aliases) {
 *   ids.computeIfAbsent("a", k -> aliases.put(k, 1));   // aliases may be ids
 * }
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A map's computeIfAbsent/compute/computeIfPresent/merge function modifies a map that may be the same one, and nothing proves the two distinct",
    severity = WARNING,
    linkType = NONE)
public final class PossibleNestedMapCompute extends BugChecker
    implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public PossibleNestedMapCompute() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public PossibleNestedMapCompute(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(
        this, Finding.Kind.POSSIBLE_NESTED_MAP_COMPUTE, config, tree, state);
  }
}
