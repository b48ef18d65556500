package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.percpu.analysis.BlockingFindingText;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.FindingText;
import dev.percpu.analysis.MethodRole;
import dev.percpu.errorprone.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.util.Elements;

/**
 * One walk over a compilation unit for {@code PerCpuBlockingWhilePinned} and {@code
 * PerCpuOnEachCpuWhilePinned}, with the pin the code runs under as part of the scanner's argument.
 * A pin begins in the closure of an entering call ({@code with}, {@code apply}, on a handle or a
 * token, or a method with an entering role), in the block of a {@code try} whose resource is a
 * {@code CpuGuard}, and in an {@code onEachCpu} action. Under a pin it reports each call that may
 * block (the model's {@link dev.percpu.analysis.BlockingMethods}), each {@code synchronized}
 * statement and each {@code onEachCpu} call, directly, through a method of the unit (its {@link
 * BlockingSummary}), a method reference, an anonymous class or a closure held in a local variable;
 * outside a pin it records them in the summary of the method being walked. Where a closure argument
 * runs is the per-CPU scanner's rule, {@link ClosureReach}: a closure handed to another thread or
 * stored runs unpinned; one given to a library method whose use is unknown is not reported.
 *
 * <p>This is a third scanner beside {@link NestingScanner} and {@link MapNestingScanner} rather
 * than a mode of either, because what it tracks differs: not which allocations are entered, but
 * whether any pin is held at all; it shares this package's {@link UnitContext}, {@link
 * ClosureReach} and {@link PathScanner}.
 */
final class BlockingScanner extends PathScanner<Void, BlockingScanner.Ctx> {

  /** Which check a finding is for. */
  enum Kind {
    BLOCKING,
    ON_EACH_CPU
  }

  /** A closure held in a local variable, scanned where it runs; findings go to {@code path}. */
  record Redirect(TreePath path, String via) {}

  /**
   * Where the scanner is.
   *
   * @param pin the pin the code runs under, or {@code null}
   * @param method the method whose body is being walked, or {@code null}
   * @param summary the summary being built, or {@code null} where the code does not run as part of
   *     the method
   * @param redirect where findings go while a held closure is scanned where it runs, or {@code
   *     null}
   */
  record Ctx(String pin, MethodSymbol method, BlockingSummary.Builder summary, Redirect redirect) {
    static final Ctx TOP = new Ctx(null, null, null, null);

    /** The outermost pin names the region: it is held the longest. */
    Ctx pinned(String p) {
      return pin != null ? this : new Ctx(p, method, summary, redirect);
    }

    /** Code that runs later or on another thread: unpinned, not part of the method's effect. */
    Ctx detached() {
      return new Ctx(null, method, null, redirect);
    }

    Ctx redirected(Redirect r) {
      return redirect != null ? this : new Ctx(pin, method, summary, r);
    }
  }

  private static final String CPU_GUARD = "dev.percpu.CpuGuard";

  private final UnitContext unit;
  private final Elements elements;
  private final Map<MethodSymbol, BlockingSummary> previous;
  private final Map<MethodSymbol, BlockingSummary> finished = new HashMap<>();
  private final Set<MethodSymbol> walking = new HashSet<>();
  private final Map<List<Object>, Finding> findings = new LinkedHashMap<>();
  private boolean usedPrevious;

  BlockingScanner(
      UnitContext unit, Elements elements, Map<MethodSymbol, BlockingSummary> previous) {
    this.unit = unit;
    this.elements = elements;
    this.previous = previous;
  }

  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  /** This pass's non-empty summaries. */
  Map<MethodSymbol, BlockingSummary> summaries() {
    Map<MethodSymbol, BlockingSummary> out = new HashMap<>(finished);
    out.values().removeIf(BlockingSummary::isEmpty);
    return out;
  }

  /** Whether a recursive call read the pass before's summary, so another pass may be needed. */
  boolean usedPrevious() {
    return usedPrevious;
  }

  // ---- declarations ----

  @Override
  public Void visitClass(ClassTree node, Ctx ctx) {
    return super.visitClass(node, Ctx.TOP);
  }

  @Override
  public Void visitMethod(MethodTree node, Ctx ctx) {
    MethodSymbol sym = ASTHelpers.getSymbol(node);
    if (sym != null && (finished.containsKey(sym) || !walking.add(sym))) {
      return null; // summarised on demand already, or being walked further out (recursion)
    }
    BlockingSummary.Builder summary = new BlockingSummary.Builder();
    try {
      if (node.getBody() != null) {
        scan(node.getBody(), new Ctx(null, sym, summary, null));
      }
      if (sym != null) {
        finished.put(sym, summary.build());
      }
    } finally {
      if (sym != null) {
        walking.remove(sym);
      }
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Ctx ctx) {
    // Reached only when the lambda is not an argument whose use is known: it is stored, so it runs
    // later, outside any pin held here.
    return super.visitLambdaExpression(node, ctx.detached());
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Ctx ctx) {
    return null; // stored: it runs later
  }

  @Override
  public Void visitNewClass(NewClassTree node, Ctx ctx) {
    scan(node.getEnclosingExpression(), ctx);
    MethodSymbol ctor = ASTHelpers.getSymbol(node);
    BlockingSummary summary = null;
    if (ctor != null) {
      blockingCall(node, ctor, null, ctx);
      summary = summaryOf(ctor);
      if (summary != null) {
        applySummary(node, ctor, summary, ctx);
      }
    }
    scanArguments(ctor, node.getArguments(), summary, ctx);
    if (node.getClassBody() != null) {
      scan(node.getClassBody(), ctx.detached());
    }
    return null;
  }

  // ---- pins and monitors ----

  @Override
  public Void visitSynchronized(SynchronizedTree node, Ctx ctx) {
    hazard(node, Kind.BLOCKING, BlockingFindingText.SYNCHRONIZED_BLOCK, "", ctx);
    return super.visitSynchronized(node, ctx);
  }

  @Override
  public Void visitTry(TryTree node, Ctx ctx) {
    Tree guard = null;
    for (Tree r : node.getResources()) {
      scan(r, ctx);
      if (guard == null && isCpuGuard(r)) {
        guard = r;
      }
    }
    // The resources are closed before catch and finally run: only the block is pinned.
    scan(
        node.getBlock(),
        guard == null ? ctx : ctx.pinned(BlockingFindingText.guardPin(unit.lines().of(guard))));
    scan(node.getCatches(), ctx);
    scan(node.getFinallyBlock(), ctx);
    return null;
  }

  private static boolean isCpuGuard(Tree resource) {
    Type t =
        resource instanceof VariableTree v
            ? ASTHelpers.getType(v)
            : resource instanceof ExpressionTree e ? ASTHelpers.getType(e) : null;
    return t != null && t.tsym != null && t.tsym.getQualifiedName().contentEquals(CPU_GUARD);
  }

  // ---- calls ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Ctx ctx) {
    MethodSymbol m = ASTHelpers.getSymbol(node);
    if (m == null) {
      return super.visitMethodInvocation(node, ctx);
    }
    scan(node.getMethodSelect(), ctx);
    List<? extends ExpressionTree> args = node.getArguments();
    int line = unit.lines().of(node);
    if (isOnEachCpu(m)) {
      hazard(node, Kind.ON_EACH_CPU, BlockingFindingText.ON_EACH_CPU, "", ctx);
      scanPinnedClosure(args, 0, ctx.pinned(BlockingFindingText.onEachCpuPin(line)), ctx);
      return null;
    }
    MethodRole role = unit.api().roleOf(m);
    if (role instanceof MethodRole.Entering e && e.closure() >= 0 && e.closure() < args.size()) {
      // A wrapper of this unit may block around its closure: its summary knows.
      BlockingSummary own = summaryOf(m);
      if (own != null) {
        applySummary(node, m, own, ctx);
      }
      scanPinnedClosure(
          args, e.closure(), ctx.pinned(BlockingFindingText.enteringPin(m, line)), ctx);
      return null;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(node);
    blockingCall(node, m, receiver == null ? null : ASTHelpers.getType(receiver), ctx);
    BlockingSummary summary = summaryOf(m);
    if (summary != null) {
      applySummary(node, m, summary, ctx);
    }
    runFunctionalReceiver(node, m, receiver, ctx);
    scanArguments(m, args, summary, ctx);
    return null;
  }

  private void scanPinnedClosure(
      List<? extends ExpressionTree> args, int closure, Ctx inside, Ctx ctx) {
    for (int i = 0; i < args.size(); i++) {
      if (i == closure) {
        scanClosure(new TreePath(getCurrentPath(), args.get(i)), inside);
      } else {
        scan(args.get(i), ctx);
      }
    }
  }

  private static boolean isOnEachCpu(MethodSymbol m) {
    return m.getSimpleName().contentEquals("onEachCpu")
        && m.owner != null
        && m.owner.getQualifiedName().contentEquals(CPU_GUARD);
  }

  /** A call of {@code m} that may block by itself (the model's list, {@code @MayBlock}, ...). */
  private void blockingCall(Tree at, MethodSymbol m, Type receiverType, Ctx ctx) {
    if (ctx.pin() == null && ctx.summary() == null) {
      return;
    }
    Optional<String> what =
        unit.config().blockingMethods().describe(m, receiverType, unit.modelTypes(), elements);
    what.ifPresent(w -> hazard(at, Kind.BLOCKING, w, "", ctx));
  }

  private void applySummary(Tree at, MethodSymbol callee, BlockingSummary summary, Ctx ctx) {
    String step = FindingText.callAt(callee, unit.lines().of(at));
    for (BlockingSummary.Hazard h : summary.hazards()) {
      hazard(
          at, h.kind(), h.what(), h.via().isEmpty() ? step : FindingText.then(step, h.via()), ctx);
    }
  }

  private void scanArguments(
      MethodSymbol m, List<? extends ExpressionTree> args, BlockingSummary summary, Ctx ctx) {
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree arg = args.get(i);
      if (m == null || !isClosureLike(arg, ctx)) {
        scan(arg, ctx);
        continue;
      }
      TreePath argPath = new TreePath(getCurrentPath(), arg);
      ClosureReach reach = ClosureReach.of(m, i, summary, unit);
      if (reach != ClosureReach.NOW) {
        // Stored, handed to another thread, or given to a library method whose use is unknown.
        scanClosure(argPath, ctx.detached());
        continue;
      }
      BlockingSummary.Invocation inv = summary == null ? null : summary.invocation(i);
      Ctx inside =
          inv != null && inv.pin() != null
              ? ctx.pinned(BlockingFindingText.pinInside(m, inv.pin()))
              : ctx;
      scanClosure(argPath, inside);
    }
  }

  /** Scans a closure argument as if its body ran here, under {@code ctx}'s pin. */
  private void scanClosure(TreePath path, Ctx ctx) {
    Tree leaf = path.getLeaf();
    Tree closure = ASTHelpers.stripParentheses((ExpressionTree) leaf);
    if (closure != leaf) {
      path = new TreePath(path, closure);
    }
    if (closure instanceof LambdaExpressionTree lambda) {
      scanUnder(path, lambda.getBody(), ctx);
    } else if (closure instanceof MemberReferenceTree ref) {
      scanMethodReference(path, ref, ctx);
    } else if (closure instanceof NewClassTree nc && nc.getClassBody() != null) {
      scanUnder(path, nc.getEnclosingExpression(), ctx);
      for (ExpressionTree a : nc.getArguments()) {
        scanUnder(path, a, ctx);
      }
      TreePath body = new TreePath(path, nc.getClassBody());
      for (Tree member : nc.getClassBody().getMembers()) {
        if (member instanceof MethodTree mt && mt.getBody() != null) {
          scanUnder(new TreePath(body, mt), mt.getBody(), ctx);
        } else if (!(member instanceof MethodTree)) {
          scanUnder(body, member, ctx.detached());
        }
      }
    } else if (closure instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v) {
      runClosureVariable(id, v, ctx);
    } else {
      scanUnder(path.getParentPath(), closure, ctx);
    }
  }

  private void scanMethodReference(TreePath path, MemberReferenceTree ref, Ctx ctx) {
    scanUnder(path, ref.getQualifierExpression(), ctx);
    Symbol s = ASTHelpers.getSymbol(ref);
    if (s instanceof MethodSymbol target) {
      Type qualifier =
          ref.getQualifierExpression() == null
              ? null
              : ASTHelpers.getType(ref.getQualifierExpression());
      blockingCall(ref, target, qualifier, ctx);
      BlockingSummary summary = summaryOf(target);
      if (summary != null) {
        applySummary(ref, target, summary, ctx);
      }
    }
  }

  /**
   * A closure variable run here (passed on, or {@code r.run()}): a parameter is recorded as run in
   * the method's summary; the closure an effectively final local holds is scanned here, with its
   * findings reported at {@code at}.
   */
  private void runClosureVariable(Tree at, VarSymbol v, Ctx ctx) {
    int param = UnitContext.parameterIndex(v, ctx.method());
    if (param >= 0) {
      if (ctx.summary() != null) {
        ctx.summary().invoke(param, ctx.pin());
      }
      return;
    }
    if (!unit.isEffectivelyFinalLocal(v)) {
      return;
    }
    ExpressionTree held = unit.index().assignments(v).get(0);
    TreePath heldPath = unit.pathOf(held);
    if (heldPath == null || !ClosureLiteral.isClosure(held) || ctx.redirect() != null) {
      return; // a held closure that runs another held closure is not followed further
    }
    String via = FindingText.closure(v.getSimpleName().toString(), unit.lines().of(held));
    scanClosure(heldPath, ctx.redirected(new Redirect(pathFor(at), via)));
  }

  /** {@code r.run()} on a functional parameter or local: what it holds runs now. */
  private void runFunctionalReceiver(
      MethodInvocationTree node, MethodSymbol m, ExpressionTree receiver, Ctx ctx) {
    if ((m.flags() & Flags.ABSTRACT) == 0 || receiver == null) {
      return;
    }
    ExpressionTree r = ASTHelpers.stripParentheses(receiver);
    if (r instanceof IdentifierTree
        && ASTHelpers.getSymbol(r) instanceof VarSymbol v
        && unit.isFunctional(v)) {
      runClosureVariable(node, v, ctx);
    }
  }

  private boolean isClosureLike(ExpressionTree arg, Ctx ctx) {
    if (ClosureLiteral.isClosure(arg)) {
      return true;
    }
    ExpressionTree x = ASTHelpers.stripParentheses(arg);
    return x instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v
        && unit.isFunctional(v)
        && (UnitContext.parameterIndex(v, ctx.method()) >= 0 || unit.isEffectivelyFinalLocal(v));
  }

  // ---- findings and summaries ----

  /**
   * Something that must not happen while pinned, at {@code at}: a finding under a pin, else a fact
   * of the summary of the method being walked.
   */
  private void hazard(Tree at, Kind kind, String what, String via, Ctx ctx) {
    if (ctx.redirect() != null) {
      via = via.isEmpty() ? ctx.redirect().via() : FindingText.then(ctx.redirect().via(), via);
    }
    if (ctx.pin() == null) {
      if (ctx.summary() != null) {
        ctx.summary().hazard(new BlockingSummary.Hazard(kind, what, via));
      }
      return;
    }
    TreePath path = ctx.redirect() != null ? ctx.redirect().path() : pathFor(at);
    if (path == null) {
      return;
    }
    String message =
        kind == Kind.ON_EACH_CPU
            ? BlockingFindingText.onEachCpu(ctx.pin(), via)
            : BlockingFindingText.blocking(what, ctx.pin(), via);
    Finding.Kind findingKind =
        kind == Kind.ON_EACH_CPU
            ? Finding.Kind.ON_EACH_CPU_WHILE_PINNED
            : Finding.Kind.BLOCKING_WHILE_PINNED;
    findings.putIfAbsent(
        List.of(path.getLeaf(), findingKind),
        new Finding(findingKind, path, message, Optional.empty()));
  }

  private TreePath pathFor(Tree at) {
    TreePath p = getCurrentPath();
    if (p != null && p.getLeaf() == at) {
      return p;
    }
    return p == null ? null : new TreePath(p, at);
  }

  /**
   * The freshest summary of {@code m}, its body walked now if this pass has not walked it yet;
   * during recursion, the pass before's. Null when it has none or an empty one.
   */
  private BlockingSummary summaryOf(MethodSymbol m) {
    if (!finished.containsKey(m) && !walking.contains(m)) {
      TreePath declaration = unit.index().pathOf(m);
      if (declaration != null) {
        scanUnder(declaration.getParentPath(), declaration.getLeaf(), Ctx.TOP);
      }
    }
    BlockingSummary fresh = finished.get(m);
    if (fresh != null) {
      return fresh.isEmpty() ? null : fresh;
    }
    if (walking.contains(m)) {
      usedPrevious = true;
    }
    return previous.get(m);
  }
}
