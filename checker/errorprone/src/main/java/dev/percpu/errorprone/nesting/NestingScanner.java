package dev.percpu.errorprone.nesting;

import com.google.errorprone.fixes.Fix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.model.JavacTypes;
import dev.percpu.analysis.CallName;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.DefaultEffects;
import dev.percpu.analysis.EffectTerm;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.Receivers;
import dev.percpu.errorprone.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;

/**
 * One walk over a compilation unit with the entered set as the scanner's parameter. It grows the
 * set when it descends into the closure of an entering call, checks every entering call (and every
 * call of a summarised or {@code @Enters}-annotated method) against it, and records each method's
 * {@link MethodSummary} for the next round of the fixpoint.
 */
final class NestingScanner extends PathScanner<Void, EnteredSet> {

  private final NestingContext ctx;
  private final Map<MethodSymbol, MethodSummary> previous;
  private final Map<MethodSymbol, MethodSummary> next = new HashMap<>();
  private final Map<Tree, Finding> findings = new LinkedHashMap<>();
  private boolean staleSummaryUsed;

  /** Methods whose bodies are being walked (a call back into one of them is recursion). */
  private final Set<MethodSymbol> walking = new HashSet<>();

  /** The summary of the method whose body is being walked; null where nothing runs now. */
  private MethodSummary.Builder current;

  private MethodSymbol currentMethod;

  /** Where findings go while a closure held in a local is scanned at the call that runs it. */
  private Tree redirectTo;

  private String redirectVia;
  private TreePath redirectPath;

  NestingScanner(NestingContext ctx, Map<MethodSymbol, MethodSummary> previous) {
    this.ctx = ctx;
    this.previous = previous;
  }

  Map<MethodSymbol, MethodSummary> summaries() {
    return next;
  }

  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  // ---- declarations: each starts with nothing entered ----

  @Override
  public Void visitClass(ClassTree node, EnteredSet entered) {
    MethodSummary.Builder saved = current;
    MethodSymbol savedMethod = currentMethod;
    current = null;
    currentMethod = null;
    try {
      return super.visitClass(node, EnteredSet.EMPTY);
    } finally {
      current = saved;
      currentMethod = savedMethod;
    }
  }

  @Override
  public Void visitMethod(MethodTree node, EnteredSet entered) {
    MethodSymbol sym = ASTHelpers.getSymbol(node);
    if (sym != null && (next.containsKey(sym) || !walking.add(sym))) {
      return null; // already summarised on demand in this pass
    }
    MethodSummary.Builder saved = current;
    MethodSymbol savedMethod = currentMethod;
    current = new MethodSummary.Builder();
    currentMethod = sym;
    try {
      if (node.getBody() != null) {
        scan(node.getBody(), EnteredSet.EMPTY);
      }
      if (sym != null) {
        next.put(sym, current.build());
      }
    } finally {
      if (sym != null) {
        walking.remove(sym);
      }
      current = saved;
      currentMethod = savedMethod;
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, EnteredSet entered) {
    // Reached only when the lambda is not an argument whose use is known: it is stored, so it
    // runs later, outside whatever is entered here.
    return detached(() -> super.visitLambdaExpression(node, EnteredSet.EMPTY));
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, EnteredSet entered) {
    return null;
  }

  @Override
  public Void visitNewClass(NewClassTree node, EnteredSet entered) {
    scan(node.getEnclosingExpression(), entered);
    MethodSymbol ctor = ASTHelpers.getSymbol(node);
    MethodSummary summary = ctor == null ? null : summaryOf(ctor);
    if (summary != null) {
      applySummary(node, ctor, summary, node.getArguments(), null, entered);
    }
    scanArguments(ctor, node.getArguments(), summary, entered);
    if (node.getClassBody() != null) {
      detachedRun(() -> scan(node.getClassBody(), EnteredSet.EMPTY));
    }
    return null;
  }

  // ---- calls ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, EnteredSet entered) {
    MethodSymbol m = ASTHelpers.getSymbol(node);
    if (m == null) {
      return super.visitMethodInvocation(node, entered);
    }
    scan(node.getMethodSelect(), entered);
    List<? extends ExpressionTree> args = node.getArguments();
    MethodRole role = ctx.api().roleOf(m);
    if (role instanceof MethodRole.Entering e && e.closure() >= 0 && e.closure() < args.size()) {
      ExpressionTree handle =
          e.handle() < 0 ? ASTHelpers.getReceiver(node) : AllocationBinder.arg(args, e.handle());
      // A wrapper of this unit whose "handle" is not a handle or token is known by its body (its
      // summary), not by its receiver.
      boolean byBody =
          ctx.index().declaredHere(m)
              && (handle == null || !PerCpuApi.isHandleOrToken(ASTHelpers.getType(handle)));
      AllocationSet ids = byBody ? AllocationSet.empty() : ctx.binder().bind(handle);
      int line = ctx.lines().of(node);
      check(node, ids, entered, null, true);
      record(ids, true, "`" + m.getSimpleName() + "` at line " + line);
      ExpressionTree closure = args.get(e.closure());
      Entry entry =
          new Entry(
              ids,
              "`" + m.getSimpleName() + "`",
              line,
              true,
              ASTHelpers.stripParentheses(closure) instanceof LambdaExpressionTree l ? l : null);
      // A wrapper declared in this unit may enter more than its role says (its summary knows).
      MethodSummary own = summaryOf(m);
      EnteredSet inside = entered.plus(entry);
      if (own != null) {
        applySummary(node, m, own, args, ASTHelpers.getReceiver(node), entered);
        MethodSummary.Invocation inv = own.invocation(e.closure());
        if (inv != null) {
          inside = inside.plusAll(instantiate(inv, m, args));
        }
      }
      for (int i = 0; i < args.size(); i++) {
        if (i == e.closure()) {
          scanClosure(new TreePath(getCurrentPath(), args.get(i)), inside);
        } else {
          scan(args.get(i), entered);
        }
      }
      return null;
    }
    MethodSummary summary = summaryOf(m);
    if (summary != null) {
      applySummary(node, m, summary, args, ASTHelpers.getReceiver(node), entered);
    } else if (!ctx.index().declaredHere(m)
        && !applyDeclaredEffect(node, m, args, ASTHelpers.getReceiver(node), entered)) {
      applyDefaultEffect(node, m, args, entered);
    }
    recordParameterInvocation(node, m, entered);
    scanArguments(m, args, summary, entered);
    return null;
  }

  private void scanArguments(
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      MethodSummary summary,
      EnteredSet entered) {
    if (summary == null && m != null) {
      summary = summaryOf(m);
    }
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree arg = args.get(i);
      if (m == null || !isClosureLike(arg)) {
        scan(arg, entered);
        continue;
      }
      TreePath argPath = new TreePath(getCurrentPath(), arg);
      if (summary != null || ctx.index().declaredHere(m)) {
        MethodSummary.Invocation inv = summary == null ? null : summary.invocation(i);
        if (inv == null) {
          scanClosure(argPath, EnteredSet.EMPTY, false); // stored by a method of this unit
        } else {
          EnteredSet inside = inv.certain() ? entered : entered.uncertain();
          scanClosure(argPath, inside.plusAll(instantiate(inv, m, args)));
        }
        continue;
      }
      ClosureUse use = ctx.closureUse(m, i);
      switch (use) {
        case INVOKED_NOW -> scanClosure(argPath, entered);
        case ELSEWHERE -> scanClosure(argPath, EnteredSet.EMPTY, false);
        default -> scanClosure(argPath, entered.uncertain());
      }
    }
  }

  private List<Entry> instantiate(
      MethodSummary.Invocation inv, MethodSymbol m, List<? extends ExpressionTree> args) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : inv.around()) {
      AllocationSet ids = instantiate(e.allocations(), m, args, null);
      if (!ids.isEmpty()) {
        out.add(
            new Entry(
                ids, "`" + CallName.of(m) + "`", e.line(), e.certain() && inv.certain(), null));
      }
    }
    return out;
  }

  private void scanClosure(TreePath path, EnteredSet entered) {
    scanClosure(path, entered, true);
  }

  /** Scans a closure argument as if its body ran with {@code entered} held. */
  private void scanClosure(TreePath path, EnteredSet entered, boolean runsNow) {
    Tree leaf = path.getLeaf();
    Tree closure = ASTHelpers.stripParentheses((ExpressionTree) leaf);
    if (closure != leaf) {
      path = new TreePath(path, closure);
    }
    TreePath p = path;
    if (!runsNow) {
      detached(() -> scanClosureNow(p, entered));
    } else {
      scanClosureNow(p, entered);
    }
  }

  private Void scanClosureNow(TreePath path, EnteredSet entered) {
    Tree closure = path.getLeaf();
    if (closure instanceof LambdaExpressionTree lambda) {
      scanUnder(path, lambda.getBody(), entered);
    } else if (closure instanceof MemberReferenceTree ref) {
      scanUnder(path, ref.getQualifierExpression(), entered);
      Symbol s = ASTHelpers.getSymbol(ref);
      if (s instanceof MethodSymbol target) {
        ExpressionTree receiver = ref.getQualifierExpression();
        MethodSummary summary = summaryOf(target);
        if (summary != null) {
          applySummary(ref, target, summary, List.of(), receiver, entered);
        } else if (!ctx.index().declaredHere(target)) {
          applyDeclaredEffect(ref, target, List.of(), receiver, entered);
        }
      }
    } else if (closure instanceof NewClassTree nc && nc.getClassBody() != null) {
      scanUnder(path, nc.getEnclosingExpression(), entered);
      for (ExpressionTree a : nc.getArguments()) {
        scanUnder(path, a, entered);
      }
      TreePath body = new TreePath(path, nc.getClassBody());
      for (Tree member : nc.getClassBody().getMembers()) {
        if (member instanceof MethodTree mt && mt.getBody() != null) {
          scanUnder(new TreePath(body, mt), mt.getBody(), entered);
        } else {
          detachedRun(() -> scanUnder(body, member, EnteredSet.EMPTY));
        }
      }
    } else if (closure instanceof IdentifierTree id) {
      Symbol s = ASTHelpers.getSymbol(id);
      if (s instanceof VarSymbol v) {
        int param = parameterIndex(v);
        if (param >= 0 && current != null) {
          current.invoke(param, allCertain(entered), entered.entries());
        } else if (isEffectivelyFinalLocal(v)) {
          ExpressionTree init = ctx.index().assignments(v).get(0);
          TreePath initPath = ctx.pathOf(init);
          if (initPath != null && isClosureLike(init)) {
            redirected(id, v, () -> scanClosure(initPath, entered, true));
          }
        }
      }
    } else {
      scanUnder(path.getParentPath(), closure, entered);
    }
    return null;
  }

  /** {@code r.run()} on a closure parameter: the method invokes that parameter now. */
  private void recordParameterInvocation(
      MethodInvocationTree node, MethodSymbol m, EnteredSet entered) {
    if ((m.flags() & Flags.ABSTRACT) == 0) {
      return;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(node);
    if (!(receiver instanceof IdentifierTree id)
        || !(ASTHelpers.getSymbol(id) instanceof VarSymbol v)) {
      return;
    }
    if (!isFunctional(v)) {
      return;
    }
    int param = parameterIndex(v);
    if (param >= 0 && current != null) {
      current.invoke(param, allCertain(entered), entered.entries());
    } else if (isEffectivelyFinalLocal(v)) {
      ExpressionTree init = ctx.index().assignments(v).get(0);
      if (isClosureLike(init)) {
        TreePath initPath = ctx.pathOf(init);
        if (initPath != null) {
          redirected(node, v, () -> scanClosure(initPath, entered, true));
        }
      }
    }
  }

  private boolean isFunctional(VarSymbol v) {
    try {
      return v.type != null && ctx.types().isFunctionalInterface(v.type);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean allCertain(EnteredSet entered) {
    for (Entry e : entered.entries()) {
      if (!e.certain()) {
        return false;
      }
    }
    return true;
  }

  private int parameterIndex(VarSymbol v) {
    if (currentMethod == null || v.owner != currentMethod || v.getKind() != ElementKind.PARAMETER) {
      return -1;
    }
    return currentMethod.getParameters().indexOf(v);
  }

  private boolean isEffectivelyFinalLocal(VarSymbol v) {
    return v.getKind() == ElementKind.LOCAL_VARIABLE
        && ctx.index().assignments(v).size() == 1
        && ctx.index().declaredHere(v);
  }

  private boolean isClosureLike(ExpressionTree arg) {
    if (ClosureLiteral.isClosure(arg)) {
      return true;
    }
    ExpressionTree x = ASTHelpers.stripParentheses(arg);
    if (x instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v
        && isFunctional(v)) {
      return parameterIndex(v) >= 0 || isEffectivelyFinalLocal(v);
    }
    return false;
  }

  // ---- summaries and effects ----

  private void applySummary(
      Tree call,
      MethodSymbol m,
      MethodSummary summary,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      EnteredSet entered) {
    int line = ctx.lines().of(call);
    for (MethodSummary.Effect effect : summary.enters()) {
      AllocationSet ids = instantiate(effect.allocations(), m, args, receiver);
      if (ids.isEmpty()) {
        continue;
      }
      String path = "`" + CallName.of(m) + "` (" + effect.path() + ")";
      check(call, ids, entered, path, effect.certain());
      record(
          ids,
          effect.certain(),
          "`" + CallName.of(m) + "` at line " + line + " → " + effect.path());
    }
  }

  /**
   * The conservative default for a method compiled elsewhere that declares no {@code @Enters}: it
   * may enter any handle or token passed to it. That is never more than a possible nesting. JDK
   * methods and the runtime's own are known not to enter anything.
   */
  private void applyDefaultEffect(
      MethodInvocationTree call,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      EnteredSet entered) {
    if (entered.isEmpty() && current == null) {
      return;
    }
    if (DefaultEffects.entersNothing(m)) {
      return;
    }
    for (ExpressionTree arg : args) {
      Type type = ASTHelpers.getType(arg);
      if (type == null || !PerCpuApi.isHandleOrToken(type)) {
        continue;
      }
      AllocationSet ids = ctx.binder().bind(arg);
      String path =
          "`"
              + CallName.of(m)
              + "`, compiled elsewhere without @Enters, which may enter its argument";
      check(call, ids, entered, path, false);
      record(ids, false, path);
    }
  }

  /** Applies a declared {@code @Enters} effect; false when the method declares none. */
  private boolean applyDeclaredEffect(
      Tree call,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      EnteredSet entered) {
    Optional<List<EffectTerm>> effect;
    try {
      effect = ctx.api().declaredEffect(m);
    } catch (IllegalArgumentException malformed) {
      return true; // the declaring library's problem; the CF checker reports malformed terms
    }
    if (effect.isEmpty()) {
      return false;
    }
    int line = ctx.lines().of(call);
    for (EffectTerm term : effect.get()) {
      AllocationSet ids = bindTerm(term, m, args, receiver);
      if (ids.isEmpty()) {
        continue;
      }
      String path = "`" + CallName.of(m) + "` (declared @Enters(\"" + term + "\"))";
      check(call, ids, entered, path, true);
      record(ids, true, "`" + CallName.of(m) + "` at line " + line);
    }
    return true;
  }

  private AllocationSet bindTerm(
      EffectTerm term,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver) {
    if (term instanceof EffectTerm.This) {
      return receiver == null ? AllocationSet.empty() : ctx.binder().bind(receiver);
    }
    if (term instanceof EffectTerm.Parameter p) {
      return p.index() - 1 < args.size()
          ? ctx.binder().bind(args.get(p.index() - 1))
          : AllocationSet.empty();
    }
    if (term instanceof EffectTerm.Symbol s) {
      return AllocationSet.of(new Allocation.Symbolic(s.name(), null));
    }
    if (term instanceof EffectTerm.Field f) {
      Symbol owner = m.owner;
      String name = f.name();
      int dot = name.lastIndexOf('.');
      String simple = dot < 0 ? name : name.substring(dot + 1);
      for (Symbol member : owner.getEnclosedElements()) {
        if (member instanceof VarSymbol v && v.getSimpleName().contentEquals(simple)) {
          boolean isStatic = (v.flags() & Flags.STATIC) != 0;
          if (!isStatic && receiver != null && !Receivers.isCurrentObject(receiver)) {
            return AllocationSet.of(
                new Allocation.Unknown(
                    AllocationBinder.typeArgument(v.type),
                    "field `" + simple + "` of another object"));
          }
          return AllocationSet.of(
              new Allocation.Named(
                  v, AllocationBinder.typeArgument(v.type), PerCpuApi.isDistinct(v)));
        }
      }
    }
    return AllocationSet.empty();
  }

  /** Translates a callee's allocation set into the caller's terms at one call site. */
  private AllocationSet instantiate(
      AllocationSet calleeIds,
      MethodSymbol callee,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver) {
    return calleeIds.flatMap(
        a -> {
          if (a instanceof Allocation.Fresh f && f.perEvaluation()) {
            return AllocationSet.empty(); // a new allocation on every call of the callee
          }
          if (a instanceof Allocation.Named n) {
            if (n.isParameterOf(callee)) {
              int i = callee.getParameters().indexOf(n.variable());
              if (i >= 0 && i < args.size()) {
                return ctx.binder().bind(args.get(i));
              }
              // A method reference: the functional interface supplies the argument.
              return AllocationSet.of(
                  new Allocation.Unknown(
                      n.typeArgument(), "an argument of `" + CallName.of(callee) + "`"));
            }
            if (n.variable().getKind() == ElementKind.FIELD) {
              boolean isStatic = (n.variable().flags() & Flags.STATIC) != 0;
              if (!isStatic && receiver != null && !Receivers.isCurrentObject(receiver)) {
                return AllocationSet.of(
                    new Allocation.Unknown(
                        n.typeArgument(),
                        "field `" + n.variable().getSimpleName() + "` of another object"));
              }
              return AllocationSet.of(a);
            }
            return AllocationSet.of(
                new Allocation.Unknown(
                    n.typeArgument(), "a handle inside `" + callee.getSimpleName() + "()`"));
          }
          return AllocationSet.of(a);
        });
  }

  private void record(AllocationSet ids, boolean certain, String path) {
    if (current != null) {
      current.enter(ids, certain, path);
    }
  }

  // ---- the verdict ----

  private void redirected(Tree at, VarSymbol closure, Runnable body) {
    if (redirectTo != null) {
      body.run(); // the outermost call that runs the closure is where the finding belongs
      return;
    }
    redirectTo = at;
    redirectPath = getCurrentPathFor(at);
    redirectVia =
        "the closure `"
            + closure.getSimpleName()
            + "` (line "
            + ctx.lines().of(ctx.index().assignments(closure).get(0))
            + ")";
    try {
      body.run();
    } finally {
      redirectTo = null;
      redirectPath = null;
      redirectVia = null;
    }
  }

  private void check(
      Tree at, AllocationSet inner, EnteredSet entered, String via, boolean certain) {
    if (entered.isEmpty() || inner.isEmpty()) {
      return;
    }
    if (redirectTo != null) {
      String inside =
          "`"
              + (at instanceof MethodInvocationTree mi
                  ? ASTHelpers.getSymbol(mi) == null
                      ? "call"
                      : ASTHelpers.getSymbol(mi).getSimpleName()
                  : "call")
              + "` at line "
              + ctx.lines().of(at);
      via = redirectVia + " → " + (via == null ? inside : via);
      at = redirectTo;
    }
    JavacTypes types = ctx.modelTypes();
    boolean aliasing = ctx.config().typeArgumentAliasing();
    Entry best = null;
    boolean definite = false;
    for (Entry e : entered.entries()) {
      AllocationSet.Relation r = inner.relate(e.allocations(), types, aliasing);
      if (r == AllocationSet.Relation.SAME && e.certain() && certain) {
        best = e;
        definite = true;
        break;
      }
      if (r != AllocationSet.Relation.DISTINCT && best == null) {
        best = e;
      }
    }
    if (best == null) {
      return;
    }
    Finding old = findings.get(at);
    if (old != null && (old.kind() == Finding.Kind.NESTED || !definite)) {
      return;
    }
    String what = inner.describe();
    StringBuilder msg = new StringBuilder();
    if (definite) {
      msg.append("Nested entry of ")
          .append(what)
          .append(": it is already entered by the ")
          .append(best.method())
          .append(" at line ")
          .append(best.line());
    } else {
      msg.append("Possible nested entry: ")
          .append(what)
          .append(" may be the allocation entered by the ")
          .append(best.method())
          .append(" at line ")
          .append(best.line())
          .append(" (")
          .append(best.allocations().describe())
          .append(")");
    }
    if (via != null) {
      msg.append("; entered again via ").append(via);
    }
    msg.append(
        definite
            ? ". A nested entry of the same allocation on the same CPU throws PerCpuNestingException at run time."
            : ". If they can be the same allocation, this throws PerCpuNestingException at run time; if not, say so with @Distinct.");
    Optional<Fix> fix =
        definite && via == null && at instanceof MethodInvocationTree call
            ? ctx.reuseValueFix(call, best.closure(), getCurrentPathFor(at))
            : Optional.empty();
    findings.put(
        at,
        new Finding(
            definite ? Finding.Kind.NESTED : Finding.Kind.POSSIBLE_NESTED,
            getCurrentPathFor(at),
            msg.toString(),
            fix));
  }

  private TreePath getCurrentPathFor(Tree at) {
    if (redirectPath != null && redirectPath.getLeaf() == at) {
      return redirectPath;
    }
    TreePath p = getCurrentPath();
    if (p != null && p.getLeaf() == at) {
      return p;
    }
    return p == null ? null : new TreePath(p, at);
  }

  private Void detached(Supplier<Void> body) {
    MethodSummary.Builder saved = current;
    current = null;
    try {
      return body.get();
    } finally {
      current = saved;
    }
  }

  private void detachedRun(Runnable body) {
    detached(
        () -> {
          body.run();
          return null;
        });
  }

  /**
   * The freshest summary of {@code m}: this pass's when its body was already walked, else the
   * previous pass's. Using the fresh one lets a call chain settle in fewer passes.
   */
  private MethodSummary summaryOf(MethodSymbol m) {
    if (!next.containsKey(m) && !walking.contains(m)) {
      TreePath declaration = ctx.index().pathOf(m);
      if (declaration != null) {
        walkNow(declaration);
      }
    }
    MethodSummary fresh = next.get(m);
    if (fresh != null) {
      return fresh.isEmpty() ? null : fresh;
    }
    if (walking.contains(m)) {
      staleSummaryUsed = true; // recursion: the method is being walked right now
    }
    return previous.get(m);
  }

  /** Whether a recursive call used the previous pass's summary, so another pass is needed. */
  boolean usedStaleSummary() {
    return staleSummaryUsed;
  }

  /** Summarises a callee on demand, so a call chain settles in one pass whatever its order. */
  private void walkNow(TreePath declaration) {
    Tree savedRedirect = redirectTo;
    String savedVia = redirectVia;
    TreePath savedPath = redirectPath;
    redirectTo = null;
    redirectVia = null;
    redirectPath = null;
    try {
      scanUnder(declaration.getParentPath(), declaration.getLeaf(), EnteredSet.EMPTY);
    } finally {
      redirectTo = savedRedirect;
      redirectVia = savedVia;
      redirectPath = savedPath;
    }
  }
}
