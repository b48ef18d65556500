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
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.CallName;
import dev.percpu.analysis.CallSiteTranslation;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MapFindingText;
import dev.percpu.analysis.MapKind;
import dev.percpu.analysis.MapOperation;
import dev.percpu.analysis.Verdict;
import dev.percpu.errorprone.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One walk over a compilation unit for {@code NestedMapCompute}, with the entering map calls on the
 * path ({@code computeIfAbsent} and its kin whose function the code runs inside) as the scanner's
 * parameter. Inside such a function it checks every map operation — direct, through a method of the
 * unit (its {@link MapSummary}), a method or constructor reference, an anonymous class — against
 * the entries, and it records each method's summary for the next pass of the fixpoint. Where a
 * closure argument runs is the per-CPU scanner's rule, {@link ClosureReach}: an argument of a
 * method that runs it now nests, one stored or handed to another thread does not, one whose use is
 * unknown nests possibly.
 *
 * <p>This is a second scanner beside {@link NestingScanner} rather than a mode of it, because the
 * map rule differs in what the inner event is: not an entry of an identity, but an operation whose
 * conflict depends on the outer map's {@link MapKind}, and whose summaries carry that kind. Both
 * share the model's identities ({@code AllocationIdentity}), verdict function ({@code Verdict.of}),
 * call-site translation ({@code CallSiteTranslation}), and this package's {@link UnitContext} (the
 * unit's index, lines and closure-use table), {@link ClosureReach} and {@link PathScanner}.
 */
final class MapNestingScanner extends PathScanner<Void, List<MapEntry>> {

  private final UnitContext unit;
  private final MapReceiverBinder binder;
  private final Map<MethodSymbol, MapSummary> previous;
  private final Map<MethodSymbol, MapSummary> next = new HashMap<>();
  private final Map<Tree, Finding> findings = new LinkedHashMap<>();

  /** Methods whose summaries were looked up inside an entering call's function. */
  private final Set<MethodSymbol> consultedInside = new HashSet<>();

  /** method (null: outside methods) -> the methods whose summaries its body looked up. */
  private final Map<MethodSymbol, Set<MethodSymbol>> consultedBy = new HashMap<>();

  /** The summary of the method whose body is being walked; null where nothing runs now. */
  private MapSummary.Builder current;

  private MethodSymbol currentMethod;

  MapNestingScanner(
      UnitContext unit, MapReceiverBinder binder, Map<MethodSymbol, MapSummary> previous) {
    this.unit = unit;
    this.binder = binder;
    this.previous = previous;
  }

  Map<MethodSymbol, MapSummary> summaries() {
    return next;
  }

  List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  // ---- declarations: each starts with nothing entered ----

  @Override
  public Void visitClass(ClassTree node, List<MapEntry> entered) {
    MapSummary.Builder saved = current;
    MethodSymbol savedMethod = currentMethod;
    current = null;
    currentMethod = null;
    try {
      return super.visitClass(node, List.of());
    } finally {
      current = saved;
      currentMethod = savedMethod;
    }
  }

  @Override
  public Void visitMethod(MethodTree node, List<MapEntry> entered) {
    MethodSymbol sym = ASTHelpers.getSymbol(node);
    MapSummary.Builder saved = current;
    MethodSymbol savedMethod = currentMethod;
    current = new MapSummary.Builder();
    currentMethod = sym;
    try {
      scan(node.getBody(), List.of());
      if (sym != null) {
        next.put(sym, current.build());
      }
    } finally {
      current = saved;
      currentMethod = savedMethod;
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, List<MapEntry> entered) {
    // Reached only when the lambda is not an argument whose use is known: it is stored, so it
    // runs later, outside whatever is entered here.
    detached(() -> super.visitLambdaExpression(node, List.of()));
    return null;
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, List<MapEntry> entered) {
    return null; // stored: it runs later
  }

  @Override
  public Void visitNewClass(NewClassTree node, List<MapEntry> entered) {
    scan(node.getEnclosingExpression(), entered);
    MethodSymbol ctor = ASTHelpers.getSymbol(node);
    MapSummary summary = ctor == null ? null : summaryOf(ctor, entered);
    if (summary != null) {
      applySummary(node, ctor, summary, node.getArguments(), null, entered);
    }
    scanArguments(node, null, ctor, node.getArguments(), summary, entered);
    if (node.getClassBody() != null) {
      detached(() -> scan(node.getClassBody(), List.of()));
    }
    return null;
  }

  // ---- calls ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, List<MapEntry> entered) {
    MethodSymbol m = ASTHelpers.getSymbol(node);
    if (m == null) {
      return super.visitMethodInvocation(node, entered);
    }
    scan(node.getMethodSelect(), entered);
    List<? extends ExpressionTree> args = node.getArguments();
    Optional<MapOperation.Call> op =
        unit.config().mapMethods().isCandidateName(m.getSimpleName())
            ? unit.config().mapMethods().of(m, unit.modelTypes())
            : Optional.empty();
    if (op.isPresent()) {
      MapOperation.Call call = op.get();
      BoundMap map = binder.bind(ASTHelpers.getReceiver(node), currentMethod);
      int line = unit.lines().of(node);
      check(node, map, call, entered, "", true);
      record(new MapUse(map, call, allCertain(entered), "`" + call.name() + "` at line " + line));
      if (call.operation() == MapOperation.ENTERING && call.closureIndex() < args.size()) {
        List<MapEntry> inside =
            plus(
                entered,
                new MapEntry(
                    map, "`" + call.name() + "`", line, true, args.get(call.closureIndex())));
        for (int i = 0; i < args.size(); i++) {
          if (i == call.closureIndex()) {
            scanClosure(new TreePath(getCurrentPath(), args.get(i)), inside, true);
          } else {
            scan(args.get(i), entered);
          }
        }
        return null;
      }
      scanArguments(node, ASTHelpers.getReceiver(node), m, args, null, entered);
      return null;
    }
    MapSummary summary = summaryOf(m, entered);
    if (summary != null) {
      applySummary(node, m, summary, args, ASTHelpers.getReceiver(node), entered);
    }
    recordParameterInvocation(node, m, entered);
    scanArguments(node, ASTHelpers.getReceiver(node), m, args, summary, entered);
    return null;
  }

  private void scanArguments(
      Tree call,
      ExpressionTree receiver,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      MapSummary summary,
      List<MapEntry> entered) {
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree arg = args.get(i);
      if (m == null || !isClosureLike(arg)) {
        scan(arg, entered);
        continue;
      }
      TreePath argPath = new TreePath(getCurrentPath(), arg);
      ClosureReach reach = ClosureReach.of(m, i, summary, unit);
      if (reach == ClosureReach.LATER || reach == ClosureReach.ELSEWHERE) {
        scanClosure(argPath, List.of(), false);
        continue;
      }
      List<MapEntry> around = reach == ClosureReach.NOW ? entered : uncertain(entered);
      // A method of this unit that runs the closure may have its own entries around it.
      MapSummary.Invocation inv = summary == null ? null : summary.invocation(i);
      List<MapEntry> more =
          inv == null ? List.of() : instantiate(inv, site(call, m, args, receiver));
      scanClosure(argPath, plusAll(around, more), true);
    }
  }

  /** Scans a closure argument as if its body ran inside {@code entered}. */
  private void scanClosure(TreePath path, List<MapEntry> entered, boolean runsNow) {
    Tree leaf = path.getLeaf();
    Tree closure = ASTHelpers.stripParentheses((ExpressionTree) leaf);
    TreePath p = closure == leaf ? path : new TreePath(path, closure);
    if (runsNow) {
      scanClosureNow(p, entered);
    } else {
      detached(() -> scanClosureNow(p, List.of()));
    }
  }

  private void scanClosureNow(TreePath path, List<MapEntry> entered) {
    Tree closure = path.getLeaf();
    if (closure instanceof LambdaExpressionTree lambda) {
      scanUnder(path, lambda.getBody(), entered);
    } else if (closure instanceof MemberReferenceTree ref) {
      scanUnder(path, ref.getQualifierExpression(), entered);
      MethodSymbol target = ASTHelpers.getSymbol(ref);
      if (target != null) {
        MapSummary summary = summaryOf(target, entered);
        if (summary != null) {
          // Foo::new and Type::staticMethod have no receiver object of their own.
          ExpressionTree receiver =
              target.isConstructor() || (target.flags() & Flags.STATIC) != 0
                  ? null
                  : ref.getQualifierExpression();
          applySummary(ref, target, summary, List.of(), receiver, entered);
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
          detached(() -> scanUnder(body, member, List.of()));
        }
      }
    } else if (closure instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v) {
      runClosureVariable(v, entered);
    } else {
      scanUnder(path.getParentPath(), closure, entered);
    }
  }

  /** {@code loader.apply(k)} on a closure parameter: the method invokes that parameter now. */
  private void recordParameterInvocation(
      MethodInvocationTree node, MethodSymbol m, List<MapEntry> entered) {
    if ((m.flags() & Flags.ABSTRACT) == 0
        || !(ASTHelpers.getReceiver(node) instanceof IdentifierTree id)
        || !(ASTHelpers.getSymbol(id) instanceof VarSymbol v)
        || !unit.isFunctional(v)) {
      return;
    }
    runClosureVariable(v, entered);
  }

  /**
   * A closure variable run here (passed on, or {@code loader.apply(k)}): a parameter is recorded as
   * invoked in the method's summary; the closure an effectively final local holds is scanned here.
   */
  private void runClosureVariable(VarSymbol v, List<MapEntry> entered) {
    int param = UnitContext.parameterIndex(v, currentMethod);
    if (param >= 0 && current != null) {
      current.invoke(param, allCertain(entered), entered);
    } else if (unit.isEffectivelyFinalLocal(v)) {
      ExpressionTree init = unit.index().assignments(v).get(0);
      TreePath initPath = unit.pathOf(init);
      if (initPath != null && ClosureLiteral.isClosure(init)) {
        scanClosure(initPath, entered, true);
      }
    }
  }

  private boolean isClosureLike(ExpressionTree arg) {
    if (ClosureLiteral.isClosure(arg)) {
      return true;
    }
    return ASTHelpers.stripParentheses(arg) instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v
        && unit.isFunctional(v)
        && (UnitContext.parameterIndex(v, currentMethod) >= 0 || unit.isEffectivelyFinalLocal(v));
  }

  // ---- summaries ----

  private void applySummary(
      Tree call,
      MethodSymbol m,
      MapSummary summary,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      List<MapEntry> entered) {
    MapCallSite site = site(call, m, args, receiver);
    for (MapUse use : summary.uses()) {
      BoundMap map = instantiate(use.map(), site);
      if (map.isEmpty()) {
        continue;
      }
      check(
          call,
          map,
          use.call(),
          entered,
          "`" + CallName.of(m) + "` (" + use.path() + ")",
          use.certain());
      record(
          new MapUse(
              map,
              use.call(),
              use.certain() && allCertain(entered),
              "`" + CallName.of(m) + "` at line " + site.line() + " → " + use.path()));
    }
  }

  private List<MapEntry> instantiate(MapSummary.Invocation inv, MapCallSite site) {
    List<MapEntry> out = new ArrayList<>();
    for (MapEntry e : inv.around()) {
      BoundMap map = instantiate(e.map(), site);
      if (!map.isEmpty()) {
        out.add(
            new MapEntry(
                map,
                e.method() + " in `" + CallName.of(site.callee()) + "`",
                e.line(),
                e.certain() && inv.certain(),
                null));
      }
    }
    return out;
  }

  private MapCallSite site(
      Tree call, MethodSymbol m, List<? extends ExpressionTree> args, ExpressionTree receiver) {
    return new MapCallSite(m, args, receiver, call, currentMethod, unit.lines().of(call), binder);
  }

  /**
   * Translates a callee's maps into the caller's terms at one call site: the model's {@link
   * CallSiteTranslation}, with each map's kind carried along (an argument's own, when it says more
   * than the parameter's type).
   */
  private BoundMap instantiate(BoundMap inCallee, MapCallSite site) {
    BoundMap out = BoundMap.NONE;
    for (AllocationIdentity a : inCallee.maps().members()) {
      MapKind kind = inCallee.kind();
      IdentitySet translated;
      if (a instanceof AllocationIdentity.Fresh f
          && !f.perEvaluation()
          && !site.onCurrentObject()
          && binder.isInstanceFieldMap(f)) {
        // An instance field's own map reached through another object is that object's map; the
        // model's translation keeps an allocation per object as it is.
        translated =
            IdentitySet.of(
                new AllocationIdentity.Unknown(
                    f.typeArgument(), "the map of another object's `" + f.label() + "`"));
      } else {
        translated = CallSiteTranslation.entered(IdentitySet.of(a), site);
        if (a instanceof AllocationIdentity.Variable v) {
          int i = site.callee().getParameters().indexOf(v.variable());
          Optional<BoundMap> actual = i < 0 ? Optional.empty() : site.boundArgument(i);
          if (actual.isPresent() && actual.get().kind() != MapKind.UNKNOWN) {
            kind = actual.get().kind();
          }
        }
      }
      out = out.union(new BoundMap(translated, kind));
    }
    return out;
  }

  private void record(MapUse use) {
    if (current != null) {
      current.use(use);
    }
  }

  // ---- the verdict ----

  private void check(
      Tree at,
      BoundMap inner,
      MapOperation.Call call,
      List<MapEntry> entered,
      String via,
      boolean certain) {
    if (entered.isEmpty() || inner.isEmpty()) {
      return;
    }
    MapEntry best = null;
    Verdict bestVerdict = Verdict.DISTINCT;
    String why = "";
    for (MapEntry e : entered) {
      Verdict identity = Verdict.of(inner.maps(), e.map().maps(), unit.modelTypes());
      if (identity != Verdict.DISTINCT && madeInside(inner, e.function())) {
        continue; // made after the outer call began: it cannot be the map being computed on
      }
      MapKind kind = e.map().kind() == MapKind.UNKNOWN ? inner.kind() : e.map().kind();
      Verdict conflict = kind.conflict(call.operation());
      Verdict v =
          weakest(
              weakest(identity, conflict),
              certain && e.certain() ? Verdict.DEFINITE : Verdict.POSSIBLE);
      if (v.compareTo(bestVerdict) < 0) {
        best = e;
        bestVerdict = v;
        why =
            identity == Verdict.POSSIBLE
                ? "nothing shows they are different maps"
                : conflict == Verdict.POSSIBLE
                    ? "`" + call.name() + "` conflicts only if the map is a ConcurrentHashMap"
                    : "the function may or may not run inside that call";
        if (v == Verdict.DEFINITE) {
          break;
        }
      }
    }
    if (best == null) {
      return;
    }
    boolean definite = bestVerdict == Verdict.DEFINITE;
    Finding old = findings.get(at);
    if (old != null && (old.kind() == Finding.Kind.NESTED_MAP_COMPUTE || !definite)) {
      return;
    }
    MapKind kind = best.map().kind() == MapKind.UNKNOWN ? inner.kind() : best.map().kind();
    String message =
        definite
            ? MapFindingText.definite(
                inner.maps().describe(), kind, best.method(), best.line(), call.name(), via)
            : MapFindingText.possible(
                inner.maps().describe(),
                call.name(),
                best.method(),
                best.line(),
                best.map().maps().describe(),
                via,
                why);
    findings.put(
        at,
        new Finding(
            definite ? Finding.Kind.NESTED_MAP_COMPUTE : Finding.Kind.POSSIBLE_NESTED_MAP_COMPUTE,
            pathFor(at),
            message,
            Optional.empty()));
  }

  /** Whether every map of {@code inner} is made by a {@code new} inside {@code function}. */
  private static boolean madeInside(BoundMap inner, Tree function) {
    if (function == null) {
      return false;
    }
    Set<Tree> sites = Collections.newSetFromMap(new IdentityHashMap<>());
    for (AllocationIdentity a : inner.maps().members()) {
      if (!(a instanceof AllocationIdentity.Fresh f) || !f.perEvaluation()) {
        return false;
      }
      sites.add(f.site());
    }
    int[] found = {0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && sites.contains(tree)) {
          found[0]++;
        }
        return found[0] == sites.size() ? null : super.scan(tree, null);
      }
    }.scan(function, null);
    return found[0] == sites.size();
  }

  /** The weaker of two verdicts: DISTINCT over POSSIBLE over DEFINITE. */
  private static Verdict weakest(Verdict a, Verdict b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private TreePath pathFor(Tree at) {
    TreePath p = getCurrentPath();
    if (p != null && p.getLeaf() == at) {
      return p;
    }
    return p == null ? null : new TreePath(p, at);
  }

  // ---- helpers ----

  private static boolean allCertain(List<MapEntry> entered) {
    for (MapEntry e : entered) {
      if (!e.certain()) {
        return false;
      }
    }
    return true;
  }

  private static List<MapEntry> plus(List<MapEntry> entered, MapEntry e) {
    List<MapEntry> l = new ArrayList<>(entered);
    l.add(e);
    return List.copyOf(l);
  }

  private static List<MapEntry> plusAll(List<MapEntry> entered, List<MapEntry> more) {
    if (more.isEmpty()) {
      return entered;
    }
    List<MapEntry> l = new ArrayList<>(entered);
    l.addAll(more);
    return List.copyOf(l);
  }

  private static List<MapEntry> uncertain(List<MapEntry> entered) {
    List<MapEntry> l = new ArrayList<>(entered.size());
    for (MapEntry e : entered) {
      l.add(e.uncertain());
    }
    return List.copyOf(l);
  }

  private void detached(Runnable body) {
    MapSummary.Builder saved = current;
    current = null;
    try {
      body.run();
    } finally {
      current = saved;
    }
  }

  /**
   * This pass's summary when the method was already walked, else the previous pass's. Each lookup
   * is remembered: a finding can depend only on summaries looked up inside an entering call's
   * function, and on the summaries those were built from ({@link #relevant()}).
   */
  private MapSummary summaryOf(Symbol m, List<MapEntry> entered) {
    if (!(m instanceof MethodSymbol method) || !unit.index().declaredHere(method)) {
      return null;
    }
    if (!entered.isEmpty()) {
      consultedInside.add(method);
    }
    consultedBy.computeIfAbsent(currentMethod, k -> new HashSet<>()).add(method);
    MapSummary s = next.containsKey(method) ? next.get(method) : previous.get(method);
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * The methods whose summaries this pass's findings depend on: those looked up inside an entering
   * call's function, and, transitively, those their bodies looked up. When none of these changed
   * between two passes, another pass would find the same.
   */
  Set<MethodSymbol> relevant() {
    Set<MethodSymbol> out = new HashSet<>();
    Deque<MethodSymbol> work = new ArrayDeque<>(consultedInside);
    while (!work.isEmpty()) {
      MethodSymbol m = work.poll();
      if (out.add(m)) {
        work.addAll(consultedBy.getOrDefault(m, Set.of()));
      }
    }
    return out;
  }
}
