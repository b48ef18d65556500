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
import com.sun.source.tree.ParenthesizedTree;
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
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import dev.percpu.analysis.CallSiteTranslation;
import dev.percpu.analysis.ConstantStrings;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.Receivers;
import dev.percpu.analysis.TypeArguments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps a handle or token expression to the {@link IdentitySet} it reaches: through variables
 * (resolved through their assignments in this unit), {@code clone()}/{@code get(guard)} and any
 * other {@code @PreservesAllocation} method, {@code define}/{@code symbol} with a constant-folded
 * symbol, {@code allocate} sites, methods of this unit that return a handle, and conditional and
 * switch expressions. Guards play no part: every entry on one thread inside another is on the same
 * CPU.
 *
 * <p>Each question names its scope, the method whose body the expression is in: an allocation made
 * there is newer than that method's parameters ({@link AllocationIdentity.Fresh#scope()}).
 */
final class IdentityBinder {

  private static final int MAX_DEPTH = 24;

  private final Function<MethodSymbol, IdentityBinder> calleeBinder;
  private final UnitIndex index;
  private final PerCpuApi api;
  private final Lines lines;
  private final JavacTrees trees;
  private final Set<VarSymbol> resolving = new HashSet<>();
  private final Set<MethodSymbol> resolvingMethods = new HashSet<>();
  private int depth;

  IdentityBinder(UnitIndex index, PerCpuApi api, Lines lines, JavacTrees trees) {
    this(index, api, lines, trees, m -> null);
  }

  /**
   * @param calleeBinder the binder of the other source unit that declares a callee, or null: where
   *     a summarised callee's returns and own locals are known
   */
  IdentityBinder(
      UnitIndex index,
      PerCpuApi api,
      Lines lines,
      JavacTrees trees,
      Function<MethodSymbol, IdentityBinder> calleeBinder) {
    this.calleeBinder = calleeBinder;
    this.index = index;
    this.api = api;
    this.lines = lines;
    this.trees = trees;
  }

  /**
   * What {@code expression}, in the body of {@code scope} (or a field initialiser when null),
   * reaches.
   */
  IdentitySet bind(ExpressionTree expression, MethodSymbol scope) {
    if (expression == null) {
      return IdentitySet.of(new Unknown(null, "a handle of unknown origin"));
    }
    if (depth > MAX_DEPTH) {
      return unknown(expression);
    }
    depth++;
    try {
      return bindUnguarded(expression, scope);
    } finally {
      depth--;
    }
  }

  private IdentitySet bindUnguarded(ExpressionTree e, MethodSymbol scope) {
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    switch (x.getKind()) {
      case TYPE_CAST:
        return bind(((TypeCastTree) x).getExpression(), scope);
      case CONDITIONAL_EXPRESSION:
        ConditionalExpressionTree c = (ConditionalExpressionTree) x;
        return bind(c.getTrueExpression(), scope).union(bind(c.getFalseExpression(), scope));
      case ASSIGNMENT:
        return bind(((AssignmentTree) x).getExpression(), scope);
      case METHOD_INVOCATION:
        return bindCall((MethodInvocationTree) x, scope);
      case SWITCH_EXPRESSION:
        return bindSwitch((SwitchExpressionTree) x, scope);
      case IDENTIFIER:
      case MEMBER_SELECT:
        Symbol s = ASTHelpers.getSymbol(x);
        if (s instanceof VarSymbol v) {
          return bindVariable(v, x, scope);
        }
        return unknown(x);
      default:
        return unknown(x);
    }
  }

  /** A switch expression may yield any of its results, like a conditional with more arms. */
  private IdentitySet bindSwitch(SwitchExpressionTree sw, MethodSymbol scope) {
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
    IdentitySet all = IdentitySet.empty();
    for (ExpressionTree r : results) {
      all = all.union(bind(r, scope));
    }
    return all;
  }

  private IdentitySet bindCall(MethodInvocationTree call, MethodSymbol scope) {
    MethodSymbol m = ASTHelpers.getSymbol(call);
    if (m == null) {
      return unknown(call);
    }
    MethodRole role = api.roleOf(m);
    List<? extends ExpressionTree> args = call.getArguments();
    if (role instanceof MethodRole.PreservesAllocation p) {
      ExpressionTree from = p.from() < 0 ? ASTHelpers.getReceiver(call) : arg(args, p.from());
      return from == null ? unknown(call) : bind(from, scope);
    }
    if (role instanceof MethodRole.SymbolLookup sl) {
      ExpressionTree name = arg(args, sl.index());
      // The model's folding, not javac's, so that both checkers name a symbol alike.
      String symbol = name == null ? null : ConstantStrings.of(name, ASTHelpers::getSymbol);
      return symbol == null
          ? IdentitySet.of(
              new Unknown(typeArgument(call), "a symbol lookup with a non-constant name"))
          : IdentitySet.of(new Symbolic(symbol, typeArgument(call)));
    }
    boolean distinct = PerCpuApi.isDistinct(m);
    if (role instanceof MethodRole.FreshAllocation || distinct) {
      // A @Distinct method promises a handle no other handle in scope reaches.
      return IdentitySet.of(
          new Fresh(call, scope, distinct, typeArgument(call), "", lines.of(call)));
    }
    IdentitySet returned = bindReturned(call, m, scope);
    return returned != null ? returned : unknown(call);
  }

  /**
   * A method of this unit that cannot be overridden returns what its return statements return, in
   * the caller's terms ({@link CallSiteTranslation#returned}): {@code counts()} returning a final
   * field is that field, and one returning a new allocation returns a new one per call.
   */
  private IdentitySet bindReturned(MethodInvocationTree call, MethodSymbol m, MethodSymbol scope) {
    boolean overridable =
        (m.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) == 0
            && (m.owner.flags() & Flags.FINAL) == 0;
    // A method of another source unit returns what its returns reach there, in its own terms.
    IdentityBinder owner = overridable ? null : ownerOf(m);
    List<ExpressionTree> values = owner == null ? List.of() : owner.index.returns(m);
    if (values.isEmpty() || !owner.resolvingMethods.add(m)) {
      return null;
    }
    try {
      IdentitySet inCallee = IdentitySet.empty();
      for (ExpressionTree value : values) {
        inCallee = inCallee.union(owner.bind(value, m));
      }
      IdentitySet inCaller =
          CallSiteTranslation.returned(
              inCallee,
              new JavacCallSite(
                  m,
                  call.getArguments(),
                  ASTHelpers.getReceiver(call),
                  call,
                  scope,
                  lines.of(call),
                  this));
      return inCaller.isEmpty() ? null : inCaller;
    } finally {
      owner.resolvingMethods.remove(m);
    }
  }

  private IdentitySet bindVariable(VarSymbol v, ExpressionTree use, MethodSymbol scope) {
    Variable named = new Variable(v, TypeArguments.of(v.type), PerCpuApi.isDistinct(v));
    ElementKind kind = v.getKind();
    if (kind == ElementKind.PARAMETER || kind == ElementKind.EXCEPTION_PARAMETER) {
      return IdentitySet.of(named);
    }
    if (kind == ElementKind.FIELD) {
      return bindField(v, use, named, scope);
    }
    if (kind != ElementKind.LOCAL_VARIABLE && kind != ElementKind.RESOURCE_VARIABLE) {
      return IdentitySet.of(named);
    }
    List<ExpressionTree> values = index.assignments(v);
    if (values.isEmpty() || !resolving.add(v)) {
      return IdentitySet.of(named); // a loop variable, or a cycle through assignments
    }
    try {
      IdentitySet result = IdentitySet.empty();
      for (ExpressionTree value : values) {
        result = result.union(bind(value, scope));
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

  private IdentitySet bindField(
      VarSymbol v, ExpressionTree use, Variable named, MethodSymbol scope) {
    boolean isStatic = (v.flags() & Flags.STATIC) != 0;
    if (!isStatic
        && use instanceof MemberSelectTree ms
        && Receivers.isNewObject(ms.getExpression())) {
      ExpressionTree made = ms.getExpression();
      return CallSiteTranslation.fieldOfNewObject(
          fieldValue(v, named), made, scope, lines.of(made));
    }
    if (!isStatic && !throughThis(use)) {
      // Another object's field: the same field of two objects need not be one allocation, but two
      // reads through one stable variable are of one object.
      IdentitySet held =
          use instanceof MemberSelectTree ms ? throughHolder(ms.getExpression(), v) : null;
      return held != null ? held : IdentitySet.of(CallSiteTranslation.anotherObjectsField(named));
    }
    return fieldValue(v, named);
  }

  /**
   * What instance field {@code v} reaches read through {@code receiver} when the receiver is a
   * stable variable (a parameter, a local assigned once, a final field of this object or a static
   * one) and the field's value on its object is known: that object's field ({@link
   * CallSiteTranslation#fieldOfVariable}). Otherwise {@code null}.
   */
  IdentitySet throughHolder(ExpressionTree receiver, VarSymbol v) {
    VarSymbol holder = stableHolder(receiver);
    if (holder == null) {
      return null;
    }
    IdentitySet onObject =
        fieldValue(v, new Variable(v, TypeArguments.of(v.type), PerCpuApi.isDistinct(v)));
    for (AllocationIdentity a : onObject.members()) {
      if (!a.isStable()) {
        return null;
      }
    }
    return CallSiteTranslation.fieldOfVariable(onObject, holder, v);
  }

  /**
   * What static field {@code v} reaches, as a read of it binds: a final field of another unit of
   * this compilation is the allocation its initialiser makes, so an {@code @Enters} term naming it
   * agrees with the caller's own reads of it.
   */
  IdentitySet staticField(VarSymbol v) {
    return fieldValue(v, new Variable(v, TypeArguments.of(v.type), PerCpuApi.isDistinct(v)));
  }

  private VarSymbol stableHolder(ExpressionTree receiver) {
    ExpressionTree r = receiver;
    while (r instanceof ParenthesizedTree p) {
      r = p.getExpression();
    }
    if (!(r instanceof IdentifierTree || r instanceof MemberSelectTree)
        || !(ASTHelpers.getSymbol(r) instanceof VarSymbol h)) {
      return null;
    }
    return switch (h.getKind()) {
      case PARAMETER, EXCEPTION_PARAMETER -> h;
      case LOCAL_VARIABLE, RESOURCE_VARIABLE -> index.assignments(h).size() <= 1 ? h : null;
      case FIELD ->
          (h.flags() & Flags.FINAL) != 0
                  && ((h.flags() & Flags.STATIC) != 0
                      || r instanceof IdentifierTree
                      || Receivers.isCurrentObject(((MemberSelectTree) r).getExpression()))
              ? h
              : null;
      default -> null;
    };
  }

  /** What a field of the current object, or a static field, reaches. */
  private IdentitySet fieldValue(VarSymbol v, Variable named) {
    // A private field no code of this unit reassigns after initialisation is final in all but
    // name: no other unit can assign it.
    boolean effectivelyFinal =
        (v.flags() & Flags.FINAL) != 0
            || ((v.flags() & Flags.PRIVATE) != 0 && index.assignedOnlyWhileInitialising(v));
    if (!effectivelyFinal) {
      return IdentitySet.of(
          new Unknown(named.typeArgument(), "non-final field `" + v.getSimpleName() + "`"));
    }
    List<ExpressionTree> values =
        index.declaredHere(v) ? index.assignments(v) : otherUnitInitialiser(v);
    if (values.isEmpty() || !resolving.add(v)) {
      return IdentitySet.of(named);
    }
    try {
      IdentitySet result = IdentitySet.empty();
      for (ExpressionTree value : values) {
        // Initialisers and constructors: what they allocate is the object's (or class's).
        result = result.union(bind(value, null));
      }
      // Every constructor assigns a final field once, so a set of several values is really one
      // per constructor; members known only inside a constructor (its parameters) are the field.
      IdentitySet perObject =
          result.flatMap(
              a -> {
                if (a instanceof Fresh f) {
                  return IdentitySet.of(
                      f.perObject().labelled(v.getSimpleName().toString()).ownedBy(v));
                }
                return a instanceof Symbolic || a instanceof Variable w && w.isField()
                    ? IdentitySet.of(a)
                    : IdentitySet.of(named);
              });
      return perObject.isEmpty() ? IdentitySet.of(named) : perObject;
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
  private static IdentitySet stabilise(IdentitySet result, Variable named) {
    if (result.definiteMember().isPresent()) {
      AllocationIdentity a = result.definiteMember().get();
      return IdentitySet.of(
          a instanceof Fresh f ? f.labelled(named.variable().getSimpleName().toString()) : a);
    }
    List<AllocationIdentity> members = result.members();
    return members.size() == 1 && members.get(0) instanceof Unknown
        ? IdentitySet.of(named)
        : result;
  }

  /** A field read unqualified or through {@code this}, {@code super} or {@code Outer.this}. */
  private static boolean throughThis(ExpressionTree use) {
    if (use instanceof IdentifierTree) {
      return true;
    }
    return use instanceof MemberSelectTree ms && Receivers.isCurrentObject(ms.getExpression());
  }

  /**
   * The varargs parameter of {@code callee} that the for-each loop declaring {@code element}
   * iterates over, or null: such an element is one of the call's varargs arguments.
   */
  VarSymbol varargsOf(VarSymbol element, MethodSymbol callee) {
    IdentityBinder owner = ownerOf(callee);
    if (owner == null) {
      return null;
    }
    UnitIndex index = owner.index;
    VarSymbol over = index.forEachOver(element);
    List<VarSymbol> params = callee.getParameters();
    return over != null
            && callee.isVarArgs()
            && !params.isEmpty()
            && over == params.get(params.size() - 1)
            && index.assignments(over).isEmpty()
        ? over
        : null;
  }

  /** The binder of the unit that declares {@code m} with a body: this one, another's, or null. */
  private IdentityBinder ownerOf(MethodSymbol m) {
    return index.declaredHere(m) ? this : calleeBinder.apply(m);
  }

  IdentitySet unknown(Tree x) {
    TypeMirror type = ASTHelpers.getType(x);
    String label =
        "a " + (type == null ? "handle" : "`" + simpleTypeName(type) + "`") + " of unknown origin";
    return IdentitySet.of(new Unknown(TypeArguments.of(type), label));
  }

  private static String simpleTypeName(TypeMirror type) {
    return type.toString().replaceAll("\\b[a-z][a-zA-Z0-9_]*\\.", "");
  }

  static TypeMirror typeArgument(Tree x) {
    return TypeArguments.of(ASTHelpers.getType(x));
  }

  /** The argument at {@code i}, or {@code null} when there is none (a varargs call, bad code). */
  static ExpressionTree arg(List<? extends ExpressionTree> args, int i) {
    return i >= 0 && i < args.size() ? args.get(i) : null;
  }
}
