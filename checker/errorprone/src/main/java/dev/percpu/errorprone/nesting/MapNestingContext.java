package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.model.JavacTypes;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.MapMethods;
import dev.percpu.errorprone.PerCpuConfig;

/** What one map analysis of one compilation unit shares between its passes. */
final class MapNestingContext {
  private final CompilationUnitTree unit;
  private final VisitorState state;
  private final PerCpuConfig config;
  private final UnitIndex index;
  private final Lines lines;
  private final JavacTypes modelTypes;
  private final MapReceiverBinder binder;

  MapNestingContext(CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    this.unit = unit;
    this.state = state;
    this.config = config;
    this.index = UnitIndex.of(unit);
    this.lines = new Lines(unit);
    this.modelTypes = JavacTypes.instance(state.context);
    Symbol map = state.getSymbolFromString("java.util.Map");
    this.binder =
        new MapReceiverBinder(index, lines, state.getTypes(), map, modelTypes, config.mapMethods());
  }

  UnitIndex index() {
    return index;
  }

  Lines lines() {
    return lines;
  }

  MapReceiverBinder binder() {
    return binder;
  }

  Types types() {
    return state.getTypes();
  }

  JavacTypes modelTypes() {
    return modelTypes;
  }

  MapMethods mapMethods() {
    return config.mapMethods();
  }

  ClosureUse closureUse(MethodSymbol m, int index) {
    try {
      return config.api().closureUse(m, index, modelTypes);
    } catch (RuntimeException e) {
      return ClosureUse.UNKNOWN;
    }
  }

  TreePath pathOf(Tree tree) {
    TreePath known = index.closurePath(tree);
    return known != null ? known : TreePath.getPath(unit, tree);
  }
}
