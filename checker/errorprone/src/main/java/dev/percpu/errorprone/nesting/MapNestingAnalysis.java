package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.model.JavacTypes;
import dev.percpu.analysis.MapMethods;
import dev.percpu.analysis.MapOperation;
import dev.percpu.errorprone.Finding;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code NestedMapCompute} analysis of one compilation unit: a fixpoint of {@link
 * MapNestingScanner} passes over the unit, each using the method summaries of the pass before,
 * until the summaries the findings depend on stop changing (a unit whose entering calls' functions
 * call none of its methods needs one pass). A unit that calls no entering map method costs one walk
 * that tests call names ({@link #mayNest}).
 */
public final class MapNestingAnalysis {

  /** Each pass resolves one more level of helper calls; this bounds pathological units. */
  private static final int MAX_PASSES = 8;

  private MapNestingAnalysis() {}

  /** All definite and possible nested map computations of {@code unit}. */
  public static List<Finding> run(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    JavacTypes types = JavacTypes.instance(state.context);
    if (!mayNest(unit, types, config.mapMethods())) {
      return List.of();
    }
    UnitContext ctx = new UnitContext(unit, state, config);
    MapReceiverBinder binder =
        new MapReceiverBinder(
            ctx.index(),
            ctx.lines(),
            ctx.types(),
            state.getSymbolFromString("java.util.Map"),
            ctx.modelTypes(),
            config.mapMethods());
    Map<MethodSymbol, MapSummary> summaries = Map.of();
    List<Finding> findings = List.of();
    int passes = 0;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      passes++;
      MapNestingScanner scanner = new MapNestingScanner(ctx, binder, summaries);
      scanner.scan(unit, List.of());
      findings = scanner.findings();
      Map<MethodSymbol, MapSummary> next = scanner.summaries();
      next.values().removeIf(MapSummary::isEmpty);
      if (unchanged(scanner.relevant(), summaries, next)) {
        break; // the findings depend on no summary that changed
      }
      summaries = next;
    }
    FixpointStats.record(FixpointStats.Analysis.MAPS, passes);
    return findings;
  }

  private static boolean unchanged(
      Set<MethodSymbol> relevant,
      Map<MethodSymbol, MapSummary> before,
      Map<MethodSymbol, MapSummary> after) {
    for (MethodSymbol m : relevant) {
      if (!Objects.equals(before.get(m), after.get(m))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cheap exit: whether the unit calls an entering map method at all. Names are compared first,
   * so only calls named {@code compute*} or {@code merge} resolve their owner's type.
   */
  static boolean mayNest(CompilationUnitTree unit, JavacTypes types, MapMethods mapMethods) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Tree select = node.getMethodSelect();
        CharSequence name =
            select instanceof MemberSelectTree ms
                ? ms.getIdentifier()
                : select instanceof IdentifierTree id ? id.getName() : "";
        MethodSymbol m =
            mapMethods.isEnteringName(name, node.getArguments().size())
                ? ASTHelpers.getSymbol(node)
                : null;
        if (m != null
            && mapMethods
                .of(m, types)
                .filter(c -> c.operation() == MapOperation.ENTERING)
                .isPresent()) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(unit, null);
    return found[0];
  }
}
