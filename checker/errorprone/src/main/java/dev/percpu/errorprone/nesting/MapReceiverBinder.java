package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.model.JavacTypes;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MapKind;
import dev.percpu.analysis.MapMethods;
import dev.percpu.analysis.Receivers;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Maps a map receiver expression to the map objects it reaches, in the model's {@link
 * AllocationIdentity} values, resolved as per-CPU handles are: a {@code new} expression is a fresh
 * site (one per evaluation of its method, or one per object for a field's initialiser); a
 * parameter, an effectively final local or a field of this object or class that the unit does not
 * reassign is a stable variable; another object's field, a non-final field the unit reassigns and a
 * method result are unknown. The identities' type argument is the map's {@code Map<K, V>} view, so
 * maps of different key or value types are never taken for one another.
 */
final class MapReceiverBinder {

  private static final int MAX_DEPTH = 16;

  private final UnitIndex index;
  private final Lines lines;
  private final Types types;
  private final Symbol mapClass;
  private final JavacTypes modelTypes;
  private final MapMethods mapMethods;
  private final Set<VarSymbol> resolving = new HashSet<>();

  /** The {@code new} expressions that initialise instance fields: one map per object. */
  private final Set<Tree> instanceFieldSites = Collections.newSetFromMap(new IdentityHashMap<>());

  private int depth;

  MapReceiverBinder(
      UnitIndex index,
      Lines lines,
      Types types,
      Symbol mapClass,
      JavacTypes modelTypes,
      MapMethods mapMethods) {
    this.index = index;
    this.lines = lines;
    this.types = types;
    this.mapClass = mapClass;
    this.modelTypes = modelTypes;
    this.mapMethods = mapMethods;
  }

  /**
   * The maps {@code receiver} reaches, in code of {@code method} (null in an initialiser); a
   * missing receiver (an unqualified call inside a map class) is this object, which is unknown.
   */
  BoundMap bind(ExpressionTree receiver, MethodSymbol method) {
    if (receiver == null) {
      return new BoundMap(
          IdentitySet.of(new AllocationIdentity.Unknown(null, "this map")), MapKind.UNKNOWN);
    }
    if (depth > MAX_DEPTH) {
      return unknown(receiver, "a map of unknown origin");
    }
    depth++;
    try {
      return bindUnguarded(ASTHelpers.stripParentheses(receiver), method);
    } finally {
      depth--;
    }
  }

  private BoundMap bindUnguarded(ExpressionTree x, MethodSymbol method) {
    switch (x.getKind()) {
      case TYPE_CAST:
        return bind(((TypeCastTree) x).getExpression(), method);
      case CONDITIONAL_EXPRESSION:
        ConditionalExpressionTree c = (ConditionalExpressionTree) x;
        return bind(c.getTrueExpression(), method).union(bind(c.getFalseExpression(), method));
      case NEW_CLASS:
        return fresh((NewClassTree) x, method, "");
      case METHOD_INVOCATION:
        MethodSymbol m = ASTHelpers.getSymbol((MethodInvocationTree) x);
        return unknown(
            x,
            m == null
                ? "a map of unknown origin"
                : "the map returned by `" + m.getSimpleName() + "()`");
      case IDENTIFIER:
      case MEMBER_SELECT:
        if (ASTHelpers.getSymbol(x) instanceof VarSymbol v) {
          return bindVariable(v, x, method);
        }
        return unknown(x, "a map of unknown origin");
      default:
        return unknown(x, "a map of unknown origin");
    }
  }

  private BoundMap bindVariable(VarSymbol v, ExpressionTree use, MethodSymbol method) {
    AllocationIdentity.Variable named = new AllocationIdentity.Variable(v, mapView(v.type), false);
    BoundMap asNamed = new BoundMap(IdentitySet.of(named), mapMethods.kindOf(v.type, modelTypes));
    ElementKind kind = v.getKind();
    if (kind == ElementKind.FIELD) {
      boolean isStatic = (v.flags() & Flags.STATIC) != 0;
      if (!isStatic && !throughThis(use)) {
        return unknown(use, "field `" + v.getSimpleName() + "` of another object");
      }
      boolean stable = (v.flags() & Flags.FINAL) != 0 || index.assignedOnlyWhileInitialising(v);
      if (!stable) {
        return unknown(use, "non-final field `" + v.getSimpleName() + "`");
      }
      List<ExpressionTree> values = index.assignments(v);
      if (values.size() == 1
          && ASTHelpers.stripParentheses(values.get(0)) instanceof NewClassTree nc) {
        if (!isStatic) {
          instanceFieldSites.add(nc);
        }
        return fresh(nc, null, v.getSimpleName().toString());
      }
      return asNamed;
    }
    if (kind != ElementKind.LOCAL_VARIABLE && kind != ElementKind.RESOURCE_VARIABLE) {
      return asNamed; // a parameter (of a method or a lambda), an exception parameter
    }
    List<ExpressionTree> values = index.assignments(v);
    if (values.isEmpty() || !resolving.add(v)) {
      return asNamed;
    }
    try {
      BoundMap result = BoundMap.NONE;
      for (ExpressionTree value : values) {
        ExpressionTree plain = ASTHelpers.stripParentheses(value);
        result =
            result.union(
                plain instanceof NewClassTree nc
                    ? fresh(nc, method, v.getSimpleName().toString())
                    : bind(value, method));
      }
      if (values.size() == 1 && result.maps().definiteMember().isEmpty()) {
        // An effectively final local holds one map for its whole scope, whatever its origin.
        return new BoundMap(IdentitySet.of(named), result.kind());
      }
      return result;
    } finally {
      resolving.remove(v);
    }
  }

  private BoundMap fresh(NewClassTree site, MethodSymbol scope, String label) {
    Type type = ASTHelpers.getType(site);
    return new BoundMap(
        IdentitySet.of(
            new AllocationIdentity.Fresh(site, scope, false, mapView(type), label, lines.of(site))),
        mapMethods.kindOf(type, modelTypes));
  }

  private BoundMap unknown(Tree x, String label) {
    Type type = ASTHelpers.getType(x);
    return new BoundMap(
        IdentitySet.of(new AllocationIdentity.Unknown(mapView(type), label)),
        mapMethods.kindOf(type, modelTypes));
  }

  /** Whether {@code map} is the map an instance field is initialised with (one per object). */
  boolean isInstanceFieldMap(AllocationIdentity.Fresh map) {
    return instanceFieldSites.contains(map.site());
  }

  /** The type seen as {@code Map<K, V>}, or {@code null} when raw or no map. */
  Type mapView(Type type) {
    if (type == null || mapClass == null) {
      return null;
    }
    try {
      Type view = types.asSuper(type, mapClass);
      return view == null || view.getTypeArguments().isEmpty() ? null : view;
    } catch (RuntimeException e) {
      return null; // a type javac could not complete
    }
  }

  private static boolean throughThis(ExpressionTree use) {
    return use instanceof IdentifierTree
        || (use instanceof MemberSelectTree ms && Receivers.isCurrentObject(ms.getExpression()));
  }
}
