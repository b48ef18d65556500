package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.model.JavacTypes;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.errorprone.PerCpuConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * What one analysis of one compilation unit shares between its passes and its scanner: the unit's
 * index, its binder, the configuration and the type utilities.
 */
final class UnitContext {
  private final CompilationUnitTree unit;
  private final VisitorState state;
  private final PerCpuConfig config;
  private final UnitIndex index;
  private final Lines lines;
  private final IdentityBinder binder;
  private final JavacTypes modelTypes;
  private final Function<MethodSymbol, BodySummary> otherUnits;
  private final Supplier<SourceMethods> otherClasses;
  private SourceMethods ownClasses;
  private final Map<List<Symbol>, List<MethodSymbol>> overriders = new HashMap<>();

  private static final SourceMethods NO_METHODS = new SourceMethods(List.of());

  /** A context that knows the methods of this unit only (the map and blocking analyses). */
  UnitContext(CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    this(unit, state, config, m -> null, () -> NO_METHODS);
  }

  /**
   * @param otherUnits the body summary of a method declared in another unit of this compilation, or
   *     null where there is none to use (a class file, a method declaring {@code @Enters})
   * @param otherClasses the methods of the named classes of every source unit, for overriders
   */
  UnitContext(
      CompilationUnitTree unit,
      VisitorState state,
      PerCpuConfig config,
      Function<MethodSymbol, BodySummary> otherUnits,
      Supplier<SourceMethods> otherClasses) {
    this.otherUnits = otherUnits;
    this.otherClasses = otherClasses;
    this.unit = unit;
    this.state = state;
    this.config = config;
    this.index = UnitIndex.of(unit);
    this.lines = new Lines(unit);
    this.binder =
        new IdentityBinder(
            index,
            config.api(),
            lines,
            JavacTrees.instance(state.context),
            m -> {
              BodySummary there = otherUnit(m);
              return there == null ? null : there.binder();
            });
    this.modelTypes = JavacTypes.instance(state.context);
  }

  CompilationUnitTree unit() {
    return unit;
  }

  /**
   * What the body of {@code m}, a method of another unit of this compilation, shows; null when this
   * unit declares it, when no source of it is at hand, or when its declaration ({@code Enters}) is
   * to be read instead.
   */
  BodySummary otherUnit(MethodSymbol m) {
    return index.declaredHere(m) ? null : otherUnits.apply(m);
  }

  /**
   * Whether {@code m}'s body is what the analysis reads (this unit's or another source unit's), so
   * a closure parameter its summary does not invoke is stored, not unknown.
   */
  boolean knownByBody(MethodSymbol m) {
    return index.declaredHere(m) || otherUnit(m) != null;
  }

  /**
   * The methods with bodies that override {@code m} in a class that may be {@code receiver}'s: of
   * any class of this unit (local and anonymous ones too), and of the named classes of the other
   * source units; in a stable order.
   */
  List<MethodSymbol> overriders(MethodSymbol m, TypeSymbol receiver) {
    // A unit calls the same few methods on the same few types over and over.
    return overriders.computeIfAbsent(List.of(m, receiver), k -> findOverriders(m, receiver));
  }

  private List<MethodSymbol> findOverriders(MethodSymbol m, TypeSymbol receiver) {
    if (ownClasses == null) {
      ownClasses = new SourceMethods(index.classes());
    }
    List<MethodSymbol> out = new ArrayList<>();
    for (MethodSymbol o : ownClasses.overriders(m, receiver, types())) {
      if (index.declaredHere(o)) {
        out.add(o);
      }
    }
    for (MethodSymbol o : otherClasses.get().overriders(m, receiver, types())) {
      if (!index.declaredHere(o) && !out.contains(o)) {
        out.add(o);
      }
    }
    out.sort(SourceMethods.ORDER);
    return out;
  }

  PerCpuApi api() {
    return config.api();
  }

  PerCpuConfig config() {
    return config;
  }

  UnitIndex index() {
    return index;
  }

  Lines lines() {
    return lines;
  }

  IdentityBinder binder() {
    return binder;
  }

  Types types() {
    return state.getTypes();
  }

  /**
   * The same types, as {@code javax.lang.model} sees them: the shared model's questions take these.
   */
  JavacTypes modelTypes() {
    return modelTypes;
  }

  ClosureUse closureUse(MethodSymbol m, int index) {
    try {
      return config.api().closureUse(m, index, modelTypes);
    } catch (RuntimeException e) {
      return ClosureUse.UNKNOWN;
    }
  }

  /** The element {@code path}'s leaf names, or null: for the model's tree walks. */
  Element elementOf(TreePath path) {
    try {
      return JavacTrees.instance(state.context).getElement(path);
    } catch (RuntimeException e) {
      return null;
    }
  }

  TreePath pathOf(Tree tree) {
    TreePath known = index.closurePath(tree);
    return known != null ? known : TreePath.getPath(unit, tree);
  }

  Optional<Fix> reuseValueFix(
      MethodInvocationTree inner, LambdaExpressionTree outer, TreePath path) {
    if (outer == null) {
      return Optional.empty();
    }
    try {
      return ReuseValueFix.build(inner, outer, path, state, index);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code v}'s type is a functional interface, so that it can hold a closure; false where
   * the type cannot be completed.
   */
  boolean isFunctional(VarSymbol v) {
    try {
      return v.type != null && types().isFunctionalInterface(v.type);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether {@code v} is a local of this unit assigned exactly once (its initialiser). */
  boolean isEffectivelyFinalLocal(VarSymbol v) {
    return v.getKind() == ElementKind.LOCAL_VARIABLE
        && index().assignments(v).size() == 1
        && index().declaredHere(v);
  }

  /** {@code v}'s position among {@code method}'s parameters, or -1 if it is not one of them. */
  static int parameterIndex(VarSymbol v, MethodSymbol method) {
    if (method == null || v.owner != method || v.getKind() != ElementKind.PARAMETER) {
      return -1;
    }
    return method.getParameters().indexOf(v);
  }
}
