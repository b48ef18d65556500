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
 * Definite re-entry of a map from inside its own {@code computeIfAbsent}, {@code compute}, {@code
 * computeIfPresent} or {@code merge} function: the same map object is modified (for a {@code
 * ConcurrentHashMap}, also replaced into or computed on) while the outer call holds it. See {@code
 * docs/bugpattern/NestedMapCompute.md}.
 *
 * <pre>{@code
 * private final Map<String, Node> cache = new ConcurrentHashMap<>();
 * Node get(String k) { return cache.computeIfAbsent(k, this::load); }
 * Node load(String k) { return new Node(get(parentOf(k))); }   // flagged at this::load
 * }</pre>
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A map's computeIfAbsent/compute/computeIfPresent/merge function modifies the same map; ConcurrentHashMap throws IllegalStateException (\"Recursive update\") and HashMap, LinkedHashMap and TreeMap throw ConcurrentModificationException",
    severity = ERROR,
    linkType = NONE)
public final class NestedMapCompute extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient PerCpuConfig config;

  /**
   * For {@link java.util.ServiceLoader}, which Error Prone uses to find plugins; flags come next.
   */
  public NestedMapCompute() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public NestedMapCompute(ErrorProneFlags flags) {
    this.config = PerCpuConfig.fromFlags(flags);
  }

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return FindingReporter.report(this, Finding.Kind.NESTED_MAP_COMPUTE, config, tree, state);
  }
}
