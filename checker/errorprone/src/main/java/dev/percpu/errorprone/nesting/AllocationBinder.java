package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.Receivers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Maps a handle or token expression to the allocations it reaches: through variables (resolved
 * through their assignments in this unit), {@code clone()}/{@code get(guard)} and any other
 * {@code @PreservesAllocation} method, {@code define}/{@code symbol} with a constant-folded symbol,
 * {@code allocate} sites, and conditional expressions. Guards play no part: every entry on one
 * thread inside another is on the same CPU.
 */
final class AllocationBinder {

  private static final int MAX_DEPTH = 24;

  private final UnitIndex index;
  private final PerCpuApi api;
  private final Lines lines;
  private final JavacTrees trees;
  private final Set<VarSymbol> resolving = new HashSet<>();
  private final Set<MethodSymbol> resolvingMethods = new HashSet<>();
  private int depth;

  AllocationBinder(UnitIndex index, PerCpuApi api, Lines lines, JavacTrees trees) {
    this.index = index;
    this.api = api;
    this.lines = lines;
    this.trees = trees;
  }

  AllocationSet bind(ExpressionTree expression) {
    if (expression == null) {
      return AllocationSet.of(new Allocation.Unknown(null, "a handle of unknown origin"));
    }
    if (depth > MAX_DEPTH) {
      return unknown(expression);
    }
    depth++;
    try {
      return bindUnguarded(expression);
    } finally {
      depth--;
    }
  }

  private AllocationSet bindUnguarded(ExpressionTree e) {
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    switch (x.getKind()) {
      case TYPE_CAST:
        return bind(((TypeCastTree) x).getExpression());
      case CONDITIONAL_EXPRESSION:
        ConditionalExpressionTree c = (ConditionalExpressionTree) x;
        return bind(c.getTrueExpression()).union(bind(c.getFalseExpression()));
      case ASSIGNMENT:
        return bind(((AssignmentTree) x).getExpression());
      case METHOD_INVOCATION:
        return bindCall((MethodInvocationTree) x);
      case SWITCH_EXPRESSION:
        return bindSwitch((SwitchExpressionTree) x);
      case IDENTIFIER:
      case MEMBER_SELECT:
        Symbol s = ASTHelpers.getSymbol(x);
        if (s instanceof VarSymbol v) {
          return bindVariable(v, x);
        }
        return unknown(x);
      default:
        return unknown(x);
    }
  }

  /** A switch expression may yield any of its results, like a conditional with more arms. */
  private AllocationSet bindSwitch(SwitchExpressionTree sw) {
    List<ExpressionTree> results = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitYield(YieldTree node, Void unused) {
        results.add(node.getValue());
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
        return node == sw
            ? super.visitSwitchExpression(node, null)
            : null; // its yields are its own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(sw, null);
    for (CaseTree c : sw.getCases()) {
      if (c.getBody() instanceof ExpressionTree e && !results.contains(e)) {
        results.add(e); // `case X -> expr` (javac may or may not wrap it in a yield)
      }
    }
    if (results.isEmpty()) {
      return unknown(sw);
    }
    AllocationSet all = AllocationSet.empty();
    for (ExpressionTree r : results) {
      all = all.union(bind(r));
    }
    return all;
  }

  private AllocationSet bindCall(MethodInvocationTree call) {
    MethodSymbol m = ASTHelpers.getSymbol(call);
    if (m == null) {
      return unknown(call);
    }
    MethodRole role = api.roleOf(m);
    List<? extends ExpressionTree> args = call.getArguments();
    if (role instanceof MethodRole.PreservesAllocation p) {
      ExpressionTree from = p.from() < 0 ? ASTHelpers.getReceiver(call) : arg(args, p.from());
      return from == null ? unknown(call) : bind(from);
    }
    if (role instanceof MethodRole.SymbolLookup sl) {
      ExpressionTree name = arg(args, sl.index());
      String symbol = name == null ? null : ASTHelpers.constValue(name, String.class);
      return symbol == null
          ? AllocationSet.of(
              new Allocation.Unknown(
                  typeArgument(call), "a symbol lookup with a non-constant name"))
          : AllocationSet.of(new Allocation.Symbolic(symbol, typeArgument(call)));
    }
    if (role instanceof MethodRole.FreshAllocation || PerCpuApi.isDistinct(m)) {
      // A @Distinct method promises a handle no other handle in scope reaches: as good as fresh.
      return AllocationSet.of(
          new Allocation.Fresh(call, true, typeArgument(call), "", lines.of(call)));
    }
    AllocationSet returned = bindReturned(call, m);
    return returned != null ? returned : unknown(call);
  }

  /**
   * A method of this unit that cannot be overridden returns what its return statements return, in
   * the caller's terms: {@code counts()} returning a final field is that field.
   */
  private AllocationSet bindReturned(MethodInvocationTree call, MethodSymbol m) {
    boolean overridable =
        (m.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) == 0
            && (m.owner.flags() & Flags.FINAL) == 0;
    List<ExpressionTree> values = index.returns(m);
    if (overridable || values.isEmpty() || !index.declaredHere(m) || !resolvingMethods.add(m)) {
      return null;
    }
    try {
      AllocationSet inCallee = AllocationSet.empty();
      for (ExpressionTree value : values) {
        inCallee = inCallee.union(bind(value));
      }
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      List<? extends ExpressionTree> args = call.getArguments();
      AllocationSet inCaller =
          inCallee.flatMap(
              a -> {
                if (a instanceof Allocation.Fresh f && f.perEvaluation()) {
                  // A new allocation per call: this call site is its identity.
                  return AllocationSet.of(
                      new Allocation.Fresh(call, true, f.typeArgument(), "", lines.of(call)));
                }
                if (a instanceof Allocation.Named n) {
                  if (n.isParameterOf(m)) {
                    int i = m.getParameters().indexOf(n.variable());
                    return i >= 0 && i < args.size() ? bind(args.get(i)) : unknown(call);
                  }
                  if (n.variable().getKind() != ElementKind.FIELD) {
                    return unknown(call); // a local or lambda parameter of the callee
                  }
                  boolean isStatic = (n.variable().flags() & Flags.STATIC) != 0;
                  if (!isStatic && receiver != null && !Receivers.isCurrentObject(receiver)) {
                    return AllocationSet.of(
                        new Allocation.Unknown(
                            n.typeArgument(),
                            "field `" + n.variable().getSimpleName() + "` of another object"));
                  }
                }
                return AllocationSet.of(a);
              });
      return inCaller.isEmpty() ? null : inCaller;
    } finally {
      resolvingMethods.remove(m);
    }
  }

  private AllocationSet bindVariable(VarSymbol v, ExpressionTree use) {
    Type typeArgument = typeArgument(v.type);
    boolean distinct = PerCpuApi.isDistinct(v);
    Allocation.Named named = new Allocation.Named(v, typeArgument, distinct);
    ElementKind kind = v.getKind();
    if (kind == ElementKind.PARAMETER || kind == ElementKind.EXCEPTION_PARAMETER) {
      return AllocationSet.of(named);
    }
    if (kind == ElementKind.FIELD) {
      return bindField(v, use, named);
    }
    if (kind != ElementKind.LOCAL_VARIABLE && kind != ElementKind.RESOURCE_VARIABLE) {
      return AllocationSet.of(named);
    }
    List<ExpressionTree> values = index.assignments(v);
    if (values.isEmpty() || !resolving.add(v)) {
      return AllocationSet.of(named); // a loop variable, or a cycle through assignments
    }
    try {
      AllocationSet result = AllocationSet.empty();
      for (ExpressionTree value : values) {
        result = result.union(bind(value));
      }
      if (values.size() == 1) {
        // An effectively-final local holds one value for its whole scope: even when that value's
        // origin is unknown, every use of the variable reaches the same allocation.
        return stabilise(result, named);
      }
      return result;
    } finally {
      resolving.remove(v);
    }
  }

  private AllocationSet bindField(VarSymbol v, ExpressionTree use, Allocation.Named named) {
    boolean isStatic = (v.flags() & Flags.STATIC) != 0;
    if (!isStatic && !throughThis(use)) {
      // Another object's field: the same field of two objects need not be one allocation.
      return AllocationSet.of(
          new Allocation.Unknown(
              named.typeArgument(), "field `" + v.getSimpleName() + "` of another object"));
    }
    // A private field no code of this unit reassigns after initialisation is final in all but
    // name: no other unit can assign it.
    boolean effectivelyFinal =
        (v.flags() & Flags.FINAL) != 0
            || ((v.flags() & Flags.PRIVATE) != 0 && index.assignedOnlyWhileInitialising(v));
    if (!effectivelyFinal) {
      return AllocationSet.of(
          new Allocation.Unknown(
              named.typeArgument(), "non-final field `" + v.getSimpleName() + "`"));
    }
    List<ExpressionTree> values =
        index.declaredHere(v) ? index.assignments(v) : otherUnitInitialiser(v);
    if (values.isEmpty() || !resolving.add(v)) {
      return AllocationSet.of(named);
    }
    try {
      AllocationSet result = AllocationSet.empty();
      for (ExpressionTree value : values) {
        result = result.union(bind(value));
      }
      // Every constructor assigns a final field once, so a set of several values is really one
      // per constructor; members known only inside a constructor (its parameters) are the field.
      AllocationSet perObject =
          result.flatMap(
              a -> {
                if (a instanceof Allocation.Fresh f) {
                  return AllocationSet.of(
                      new Allocation.Fresh(f.site(), false, f.typeArgument(), f.label(), f.line())
                          .withLabel(v.getSimpleName().toString()));
                }
                return a.concrete()
                        || a instanceof Allocation.Named n
                            && n.variable().getKind() == ElementKind.FIELD
                    ? AllocationSet.of(a)
                    : AllocationSet.of(named);
              });
      return perObject.isEmpty() ? AllocationSet.of(named) : perObject;
    } finally {
      resolving.remove(v);
    }
  }

  /**
   * The initialiser of a final field declared in another compilation unit of the same compilation
   * ({@code Counters.HITS_ALIAS = HITS.clone()} in another file), or nothing when its source is not
   * part of this compilation.
   */
  private List<ExpressionTree> otherUnitInitialiser(VarSymbol v) {
    if ((v.flags() & Flags.FINAL) == 0 || trees == null) {
      return List.of();
    }
    try {
      Tree declaration = trees.getTree(v);
      if (declaration instanceof VariableTree vt && vt.getInitializer() != null) {
        return List.of(vt.getInitializer());
      }
    } catch (RuntimeException e) {
      // A symbol from a class file, or a tree javac no longer keeps: nothing more is known.
    }
    return List.of();
  }

  /** Unknown members of an effectively-final local's value become the local itself. */
  private static AllocationSet stabilise(AllocationSet result, Allocation.Named named) {
    if (result.single() != null) {
      Allocation a = result.single();
      return AllocationSet.of(
          a instanceof Allocation.Fresh f
              ? f.withLabel(named.variable().getSimpleName().toString())
              : a);
    }
    boolean anyUnknown = false;
    for (Allocation a : result.members()) {
      anyUnknown |= a instanceof Allocation.Unknown;
    }
    return anyUnknown && result.members().size() == 1 ? AllocationSet.of(named) : result;
  }

  private static boolean throughThis(ExpressionTree use) {
    if (use instanceof IdentifierTree) {
      return true;
    }
    if (use instanceof MemberSelectTree ms) {
      ExpressionTree receiver = ASTHelpers.stripParentheses(ms.getExpression());
      if (receiver instanceof MemberSelectTree qualified) {
        return qualified.getIdentifier().contentEquals("this"); // Outer.this.field
      }
      return receiver instanceof IdentifierTree id
          && (id.getName().contentEquals("this") || id.getName().contentEquals("super"));
    }
    return false;
  }

  AllocationSet unknown(Tree x) {
    Type type = ASTHelpers.getType(x);
    Type arg = typeArgument(type);
    String label =
        "a " + (type == null ? "handle" : "`" + simpleTypeName(type) + "`") + " of unknown origin";
    return AllocationSet.of(new Allocation.Unknown(arg, label));
  }

  private static String simpleTypeName(Type type) {
    String s = type.toString();
    return s.replaceAll("\\b[a-z][a-zA-Z0-9_]*\\.", "");
  }

  static Type typeArgument(Tree x) {
    return typeArgument(ASTHelpers.getType(x));
  }

  static Type typeArgument(Type type) {
    if (type == null || type.getTypeArguments().isEmpty()) {
      return null;
    }
    return type.getTypeArguments().get(0);
  }

  /** The argument at {@code i}, or {@code null} when there is none (a varargs call, bad code). */
  static ExpressionTree arg(List<? extends ExpressionTree> args, int i) {
    return i >= 0 && i < args.size() ? args.get(i) : null;
  }
}
