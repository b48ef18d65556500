package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.percpu.analysis.CallSiteTranslation;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.DefaultEffects;
import dev.percpu.analysis.Effect;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.analysis.EffectTerm;
import dev.percpu.analysis.EffectTermBinder;
import dev.percpu.analysis.EnteredSet;
import dev.percpu.analysis.Entry;
import dev.percpu.analysis.FindingText;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.NestedParameters;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.StreamPipeline;
import dev.percpu.analysis.Verdict;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * One walk over a compilation unit with a {@link ScanContext} as the scanner's argument. It grows
 * the entered set when it descends into the closure of an entering call, checks every entering call
 * (and every call of a summarised or {@code @Enters}-annotated method) against it with the model's
 * {@link Verdict}, tells the {@link NestingListener} what nests, and records each method's {@link
 * EffectSummary} in the pass's {@link SummaryTable}.
 */
final class NestingScanner extends PathScanner<Void, ScanContext> {

  private final UnitContext unit;
  private final SummaryTable summaries;
  private final NestingListener listener;

  NestingScanner(UnitContext unit, SummaryTable summaries, NestingListener listener) {
    this.unit = unit;
    this.summaries = summaries;
    this.listener = listener;
  }

  // ---- declarations: each starts with nothing entered ----

  @Override
  public Void visitClass(ClassTree node, ScanContext ctx) {
    return super.visitClass(node, ScanContext.TOP);
  }

  @Override
  public Void visitMethod(MethodTree node, ScanContext ctx) {
    MethodSymbol sym = ASTHelpers.getSymbol(node);
    if (sym != null && !summaries.startWalk(sym)) {
      return null; // already summarised on demand in this pass
    }
    EffectSummary.Builder summary = new EffectSummary.Builder();
    boolean finished = false;
    try {
      if (node.getBody() != null) {
        scan(node.getBody(), ScanContext.body(sym, summary));
      }
      finished = true;
    } finally {
      if (sym != null) {
        if (finished) {
          summaries.finish(sym, summary.build());
        } else {
          summaries.abandon(sym);
        }
      }
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, ScanContext ctx) {
    // Reached only when the lambda is not an argument whose use is known: it is stored, so it
    // runs later, outside whatever is entered here.
    return super.visitLambdaExpression(node, ctx.detached());
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, ScanContext ctx) {
    return null;
  }

  @Override
  public Void visitNewClass(NewClassTree node, ScanContext ctx) {
    scan(node.getEnclosingExpression(), ctx);
    MethodSymbol ctor = ASTHelpers.getSymbol(node);
    EffectSummary summary = ctor == null ? null : summaryOf(ctor);
    if (summary != null) {
      applySummary(site(node, ctor, node.getArguments(), null, ctx), summary, ctx);
    }
    scanArguments(node, ctor, node.getArguments(), null, summary, ctx);
    if (node.getClassBody() != null) {
      scan(node.getClassBody(), ctx.detached());
    }
    return null;
  }

  // ---- calls ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, ScanContext ctx) {
    MethodSymbol m = ASTHelpers.getSymbol(node);
    if (m == null) {
      return super.visitMethodInvocation(node, ctx);
    }
    scan(node.getMethodSelect(), ctx);
    List<? extends ExpressionTree> args = node.getArguments();
    ExpressionTree receiver = ASTHelpers.getReceiver(node);
    MethodRole role = unit.api().roleOf(m);
    if (role instanceof MethodRole.Entering e && e.closure() >= 0 && e.closure() < args.size()) {
      visitEntering(node, m, e, ctx);
      return null;
    }
    EffectSummary summary = summaryOf(m);
    JavacCallSite site = site(node, m, args, receiver, ctx);
    if (summary != null) {
      applySummary(site, summary, ctx);
    } else if (!unit.knownByBody(m) && !applyDeclaredEffect(site, ctx)) {
      applyDefaultEffect(site, ctx);
    }
    checkParameterNestings(site, ctx);
    applyOverriders(node, m, args, receiver, ctx);
    runFunctionalReceiver(node, m, ctx);
    runHeldByReceiver(node, m, ctx);
    scanArguments(node, m, args, receiver, summary, ctx);
    return null;
  }

  /** An entering call: check it, then scan its closure with its entry added. */
  private void visitEntering(
      MethodInvocationTree node, MethodSymbol m, MethodRole.Entering e, ScanContext ctx) {
    List<? extends ExpressionTree> args = node.getArguments();
    ExpressionTree receiver = ASTHelpers.getReceiver(node);
    ExpressionTree handle = e.handle() < 0 ? receiver : IdentityBinder.arg(args, e.handle());
    // A wrapper of this unit whose "handle" is not a handle or token is known by its body (its
    // summary), not by its receiver.
    boolean byBody =
        unit.index().declaredHere(m)
            && (handle == null || !PerCpuApi.isHandleOrToken(ASTHelpers.getType(handle)));
    IdentitySet ids = byBody ? IdentitySet.empty() : unit.binder().bind(handle, ctx.method());
    int line = unit.lines().of(node);
    check(node, ids, ctx, "", true);
    record(ctx, ids, true, FindingText.enteringAt(m, line));
    ExpressionTree closure = args.get(e.closure());
    Entry entry =
        new Entry(
            ids,
            FindingText.entering(m),
            line,
            true,
            ASTHelpers.stripParentheses(closure) instanceof LambdaExpressionTree l ? l : null);
    // A wrapper declared in this unit may enter more than its role says (its summary knows).
    EffectSummary own = summaryOf(m);
    EnteredSet inside = ctx.entered().plus(entry);
    if (own != null) {
      JavacCallSite site = site(node, m, args, receiver, ctx);
      applySummary(site, own, ctx);
      inside = inside.plusAll(own.entriesAround(e.closure(), site));
    }
    for (int i = 0; i < args.size(); i++) {
      if (i == e.closure()) {
        scanClosure(new TreePath(getCurrentPath(), args.get(i)), ctx.withEntered(inside));
      } else {
        scan(args.get(i), ctx);
      }
    }
  }

  private void scanArguments(
      Tree call,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      EffectSummary summary,
      ScanContext ctx) {
    if (summary == null && m != null) {
      summary = summaryOf(m);
    }
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree arg = args.get(i);
      if (m == null || !isClosureLike(arg, ctx)) {
        scan(arg, ctx);
        continue;
      }
      TreePath argPath = new TreePath(getCurrentPath(), arg);
      ClosureReach reach = ClosureReach.of(m, i, summary, unit);
      if (summary == null && !unit.knownByBody(m)) {
        reach = refined(reach, m, i);
      }
      if (reach == ClosureReach.LATER || reach == ClosureReach.ELSEWHERE) {
        scanClosure(argPath, ctx.detached());
        continue;
      }
      EnteredSet around = reach == ClosureReach.NOW ? ctx.entered() : ctx.entered().uncertain();
      // A summarised callee that runs the closure may enter more around it (its summary knows).
      EffectSummary.Invocation inv = summary == null ? null : summary.invocation(i);
      List<Entry> more =
          inv == null ? List.of() : summary.entriesAround(i, site(call, m, args, receiver, ctx));
      scanClosure(argPath, ctx.withEntered(around.plusAll(more)));
    }
  }

  /**
   * The closure-use table's answer, sharpened by what this unit shows around the call: a lazy
   * stream stage runs only if its pipeline is consumed here ({@link StreamPipeline}).
   */
  private ClosureReach refined(ClosureReach reach, MethodSymbol m, int i) {
    ClosureUse use = unit.closureUse(m, i);
    if (use == ClosureUse.AT_TERMINAL) {
      return ClosureReach.of(StreamPipeline.consumption(getCurrentPath(), unit::elementOf));
    }
    return reach;
  }

  /**
   * The call or constructor call whose result {@code receiver} is: the expression itself, or the
   * one value a local or a final field of this unit holds; null when this unit does not show it.
   */
  private ExpressionTree makerOf(ExpressionTree receiver) {
    ExpressionTree r = receiver == null ? null : ASTHelpers.stripParentheses(receiver);
    if ((r instanceof IdentifierTree || r instanceof MemberSelectTree)
        && ASTHelpers.getSymbol(r) instanceof VarSymbol v
        && holdsOneValue(v)) {
      r = ASTHelpers.stripParentheses(unit.index().assignments(v).get(0));
    }
    return r instanceof MethodInvocationTree || r instanceof NewClassTree ? r : null;
  }

  /**
   * {@code t.run()} on a {@code new Thread(r)}, {@code local.get()} on a {@code
   * ThreadLocal.withInitial(s)}: the closure the receiver was made with, only stored when it was
   * made, runs now (or possibly, as the model's {@link PerCpuApi#heldClosureUse} says).
   */
  private void runHeldByReceiver(MethodInvocationTree node, MethodSymbol m, ScanContext ctx) {
    String name = m.getSimpleName().toString();
    if (!m.getParameters().isEmpty()
        || !(name.equals("run") || name.equals("get"))
        || (ctx.entered().isEmpty() && ctx.summary() == null)) {
      return;
    }
    ExpressionTree maker = makerOf(ASTHelpers.getReceiver(node));
    if (maker == null || !(ASTHelpers.getSymbol(maker) instanceof MethodSymbol made)) {
      return;
    }
    ClosureUse use = unit.api().heldClosureUse(made, m);
    if (!use.mayRunInsideCaller()) {
      return;
    }
    ScanContext here =
        use.certainlyInsideCaller() ? ctx : ctx.withEntered(ctx.entered().uncertain());
    List<? extends ExpressionTree> args =
        maker instanceof NewClassTree nc
            ? nc.getArguments()
            : ((MethodInvocationTree) maker).getArguments();
    String via = FindingText.heldClosure(made, unit.lines().of(maker));
    for (ExpressionTree arg : args) {
      if (isClosureLike(arg, here)) {
        runHeldClosure(node, arg, via, here);
      }
    }
  }

  /** Scans a closure argument as if its body ran inside {@code ctx}'s entries. */
  private void scanClosure(TreePath path, ScanContext ctx) {
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
      scanClassMethods(new TreePath(path, nc.getClassBody()), nc.getClassBody(), ctx);
    } else if (closure instanceof NewClassTree nc && classDeclaredHere(nc) != null) {
      // An instance of a class of this unit (a named local class, say) as the closure: its
      // methods run as an anonymous class's would. The instance is made here, at the call.
      scanUnder(path.getParentPath(), nc, ctx);
      TreePath declaration = classDeclaredHere(nc);
      ClassTree c = (ClassTree) declaration.getLeaf();
      if (!ctx.isRunning(c)) {
        scanClassMethods(declaration, c, ctx.running(c, null));
      }
    } else if (closure instanceof IdentifierTree id) {
      if (ASTHelpers.getSymbol(id) instanceof VarSymbol v) {
        runClosureVariable(id, v, ctx);
      }
    } else {
      scanUnder(path.getParentPath(), closure, ctx);
    }
  }

  /**
   * The methods of a class whose instance is the closure, scanned as running inside {@code ctx}'s
   * entries; its other members (fields, initialisers) run when the instance is made. Of a named
   * class only the methods that implement a supertype's run as the closure; its own helpers are
   * reached through their summaries.
   */
  private void scanClassMethods(TreePath classPath, ClassTree c, ScanContext ctx) {
    boolean anonymous = c.getSimpleName().length() == 0;
    for (Tree member : c.getMembers()) {
      if (member instanceof MethodTree mt) {
        if (mt.getBody() != null
            && !mt.getName().contentEquals("<init>")
            && (anonymous || implementsSupertype(mt))) {
          scanUnder(new TreePath(classPath, mt), mt.getBody(), ctx);
        }
      } else if (anonymous) {
        scanUnder(classPath, member, ctx.detached()); // an anonymous class has no other place
      }
    }
  }

  private boolean implementsSupertype(MethodTree method) {
    MethodSymbol m = ASTHelpers.getSymbol(method);
    try {
      return m != null && !ASTHelpers.findSuperMethods(m, unit.types()).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The declaration of the class {@code nc} instantiates, when this unit declares it. */
  private TreePath classDeclaredHere(NewClassTree nc) {
    MethodSymbol ctor = ASTHelpers.getSymbol(nc);
    return ctor == null ? null : unit.index().pathOf(ctor.owner);
  }

  private void scanMethodReference(TreePath path, MemberReferenceTree ref, ScanContext ctx) {
    scanUnder(path, ref.getQualifierExpression(), ctx);
    Symbol s = ASTHelpers.getSymbol(ref);
    ExpressionTree qualifier = ref.getQualifierExpression();
    if (s instanceof MethodSymbol target
        && unit.api().roleOf(target) instanceof MethodRole.Entering e
        && e.handle() < 0
        && !(ASTHelpers.getSymbol(qualifier) instanceof ClassSymbol)) {
      // `handle::with` run here enters the handle itself.
      IdentitySet ids = unit.binder().bind(qualifier, ctx.method());
      check(ref, ids, ctx, "", true);
      record(ctx, ids, true, FindingText.enteringAt(target, unit.lines().of(ref)));
      return;
    }
    if (s instanceof MethodSymbol target) {
      JavacCallSite site = site(ref, target, List.of(), ref.getQualifierExpression(), ctx);
      EffectSummary summary = summaryOf(target);
      if (summary != null) {
        applySummary(site, summary, ctx);
      } else if (!unit.knownByBody(target)) {
        applyDeclaredEffect(site, ctx);
      }
    }
  }

  /**
   * A closure variable run here (passed on, or {@code r.run()}): a parameter is recorded as invoked
   * in the method's summary; the closure a stable variable holds is scanned here, with its findings
   * reported at {@code at}.
   */
  private void runClosureVariable(Tree at, VarSymbol v, ScanContext ctx) {
    int param = UnitContext.parameterIndex(v, ctx.method());
    if (param >= 0 && ctx.summary() != null) {
      ctx.summary().invoke(param, ctx.entered().allCertain(), ctx.entered().entries());
    } else if (holdsOneValue(v)) {
      ExpressionTree init = unit.index().assignments(v).get(0);
      runHeldClosure(
          at, init, FindingText.closure(v.getSimpleName().toString(), unit.lines().of(init)), ctx);
    }
  }

  /** Scans {@code closure}, the value a variable or a method result holds, as run at {@code at}. */
  private void runHeldClosure(Tree at, ExpressionTree closure, String via, ScanContext ctx) {
    TreePath path = unit.pathOf(closure);
    if (path == null || !isClosureLike(closure, ctx) || ctx.isRunning(closure)) {
      return;
    }
    // The outermost call that runs the closure is where the finding belongs.
    scanClosure(path, ctx.running(closure, new ScanContext.Redirect(at, pathFor(at), via)));
  }

  /**
   * {@code r.run()}, an abstract method called on a functional receiver: what the receiver holds
   * runs now. A closure variable or a final field initialised with a closure runs its closure; a
   * private (or otherwise unoverridable) method of this unit returning one closure runs that
   * closure; an object made here with {@code new C()} runs {@code C}'s implementation.
   */
  private void runFunctionalReceiver(MethodInvocationTree node, MethodSymbol m, ScanContext ctx) {
    if ((m.flags() & Flags.ABSTRACT) == 0) {
      return;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(node);
    ExpressionTree r = receiver == null ? null : ASTHelpers.stripParentheses(receiver);
    if ((r instanceof IdentifierTree || r instanceof MemberSelectTree)
        && ASTHelpers.getSymbol(r) instanceof VarSymbol v
        && unit.isFunctional(v)) {
      if (r instanceof IdentifierTree || holdsOneValue(v)) {
        ExpressionTree held = holdsOneValue(v) ? unit.index().assignments(v).get(0) : null;
        if (held != null && ASTHelpers.stripParentheses(held) instanceof NewClassTree nc) {
          runImplementation(node, m, nc, ctx);
        } else {
          runClosureVariable(node, v, ctx);
        }
      }
    } else if (r instanceof MethodInvocationTree call) {
      MethodSymbol producer = ASTHelpers.getSymbol(call);
      List<ExpressionTree> returns =
          producer == null || overridable(producer) ? List.of() : unit.index().returns(producer);
      if (returns.size() == 1) {
        ExpressionTree returned = returns.get(0);
        runHeldClosure(
            node, returned, FindingText.returnedClosure(producer, unit.lines().of(returned)), ctx);
      }
    } else if (r instanceof NewClassTree nc) {
      runImplementation(node, m, nc, ctx);
    }
  }

  /** {@code m} called on an object made by {@code made}: the made class's implementation runs. */
  private void runImplementation(
      MethodInvocationTree node, MethodSymbol m, NewClassTree made, ScanContext ctx) {
    MethodSymbol ctor = ASTHelpers.getSymbol(made);
    if (made.getClassBody() != null || ctor == null) {
      return; // an anonymous class's methods are scanned as the closure they are
    }
    MethodSymbol impl;
    try {
      impl = m.implementation(ctor.owner.enclClass(), unit.types(), true);
    } catch (RuntimeException e) {
      return;
    }
    EffectSummary summary = impl == null || !unit.knownByBody(impl) ? null : summaryOf(impl);
    if (summary != null) {
      applySummary(site(node, impl, node.getArguments(), made, ctx), summary, ctx);
    }
  }

  /**
   * A call that dispatches on an object this unit does not show: an overrider in the sources (of
   * this unit, or of a named class of another unit) in a class that may be the receiver's may run
   * instead of the static callee, so what it enters is entered possibly.
   */
  private void applyOverriders(
      MethodInvocationTree node,
      MethodSymbol m,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      ScanContext ctx) {
    if ((ctx.entered().isEmpty() && ctx.summary() == null)
        || m.isStatic()
        || m.isConstructor()
        || (m.flags() & (Flags.PRIVATE | Flags.FINAL)) != 0
        || receiverObjectKnown(receiver)) {
      return;
    }
    Symbol type =
        receiver != null
            ? ASTHelpers.getSymbol(receiver) instanceof ClassSymbol
                ? null // a static-looking call on a type name: nothing dispatches
                : ASTHelpers.getType(receiver) == null ? null : ASTHelpers.getType(receiver).tsym
            : ctx.method() != null ? ctx.method().enclClass() : m.owner;
    if (!(type instanceof TypeSymbol t) || (t.flags() & Flags.FINAL) != 0) {
      return;
    }
    for (MethodSymbol o : unit.overriders(m, t)) {
      EffectSummary summary = summaryOf(o);
      JavacCallSite site = site(node, o, args, receiver, ctx);
      if (summary == null) {
        if (!unit.knownByBody(o)) {
          applyDeclaredEffect(site, ctx, false); // read from its declaration, as a class file's
        }
        continue;
      }
      String by =
          o.owner.getSimpleName().isEmpty()
              ? "an anonymous class"
              : "`" + o.owner.getSimpleName() + "`";
      for (Effect effect : summary.instantiate(site)) {
        check(
            node,
            effect.identities(),
            ctx,
            FindingText.through(o, "overridden in " + by + ": " + effect.path()),
            false);
        record(
            ctx,
            effect.identities(),
            false,
            FindingText.then(FindingText.callAt(o, site.line()), effect.path()));
      }
    }
  }

  /**
   * Whether this unit shows the object a call runs on: {@code super}, an object made right there or
   * held by a variable assigned it once, a closure (a lambda or method reference is resolved where
   * it runs), or the one closure an unoverridable method of this unit returns.
   */
  private boolean receiverObjectKnown(ExpressionTree receiver) {
    ExpressionTree r = receiver == null ? null : ASTHelpers.stripParentheses(receiver);
    if (r instanceof IdentifierTree id && id.getName().contentEquals("super")) {
      return true;
    }
    if ((r instanceof IdentifierTree || r instanceof MemberSelectTree)
        && ASTHelpers.getSymbol(r) instanceof VarSymbol v
        && holdsOneValue(v)) {
      r = ASTHelpers.stripParentheses(unit.index().assignments(v).get(0));
    }
    while (r instanceof TypeCastTree cast) {
      r = ASTHelpers.stripParentheses(cast.getExpression()); // (Runnable & Serializable) () -> ..
    }
    if (r instanceof NewClassTree || (r != null && ClosureLiteral.isClosure(r))) {
      return true;
    }
    if (r instanceof MethodInvocationTree call) {
      MethodSymbol producer = ASTHelpers.getSymbol(call);
      if (producer == null || overridable(producer)) {
        return false;
      }
      List<ExpressionTree> returns = unit.index().returns(producer);
      return returns.size() == 1 && ClosureLiteral.isClosure(returns.get(0));
    }
    return false;
  }

  /** A local, or a final field of this unit, assigned exactly once: it holds one value. */
  private boolean holdsOneValue(VarSymbol v) {
    if (unit.isEffectivelyFinalLocal(v)) {
      return true;
    }
    return v.getKind() == ElementKind.FIELD
        && (v.flags() & Flags.FINAL) != 0
        && unit.index().declaredHere(v)
        && unit.index().assignments(v).size() == 1;
  }

  private static boolean overridable(MethodSymbol m) {
    return (m.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) == 0
        && (m.owner.flags() & Flags.FINAL) == 0;
  }

  private boolean isClosureLike(ExpressionTree arg, ScanContext ctx) {
    if (ClosureLiteral.isClosure(arg)) {
      return true;
    }
    ExpressionTree x = ASTHelpers.stripParentheses(arg);
    if (x instanceof IdentifierTree id
        && ASTHelpers.getSymbol(id) instanceof VarSymbol v
        && unit.isFunctional(v)) {
      return UnitContext.parameterIndex(v, ctx.method()) >= 0 || unit.isEffectivelyFinalLocal(v);
    }
    return false;
  }

  // ---- summaries and effects ----

  private JavacCallSite site(
      Tree call,
      MethodSymbol callee,
      List<? extends ExpressionTree> args,
      ExpressionTree receiver,
      ScanContext ctx) {
    return new JavacCallSite(
        callee, args, receiver, call, ctx.method(), unit.lines().of(call), unit.binder());
  }

  private void applySummary(JavacCallSite site, EffectSummary summary, ScanContext ctx) {
    for (Effect effect : summary.instantiate(site)) {
      check(
          site.tree(),
          effect.identities(),
          ctx,
          FindingText.through(site.callee(), effect.path()),
          effect.certain());
      record(
          ctx,
          effect.identities(),
          effect.certain(),
          FindingText.then(FindingText.callAt(site.callee(), site.line()), effect.path()));
    }
  }

  /**
   * The conservative default for a method compiled elsewhere that declares no {@code @Enters}: it
   * may enter any handle or token passed to it. That is never more than a possible nesting. JDK
   * methods and the runtime's own are known not to enter anything ({@link DefaultEffects}).
   */
  private void applyDefaultEffect(JavacCallSite site, ScanContext ctx) {
    if (ctx.entered().isEmpty() && ctx.summary() == null) {
      return;
    }
    if (DefaultEffects.entersNothing(site.callee())) {
      return;
    }
    String path = FindingText.undeclared(site.callee());
    for (int i = 0; i < site.arguments().size(); i++) {
      if (PerCpuApi.isHandleOrToken(ASTHelpers.getType(site.arguments().get(i)))) {
        IdentitySet ids = site.argument(i).orElseThrow();
        check(site.tree(), ids, ctx, path, false);
        record(ctx, ids, false, path);
      }
    }
  }

  /** Applies a declared {@code @Enters} effect; false when the method declares none. */
  private boolean applyDeclaredEffect(JavacCallSite site, ScanContext ctx) {
    return applyDeclaredEffect(site, ctx, true);
  }

  /** As above; an overrider that may run instead of the callee enters {@code certain}ly or not. */
  private boolean applyDeclaredEffect(JavacCallSite site, ScanContext ctx, boolean certain) {
    Optional<List<EffectTerm>> effect;
    try {
      effect = unit.api().declaredEffect(site.callee());
    } catch (IllegalArgumentException malformed) {
      return true; // the declaring library's problem; the CF checker reports malformed terms
    }
    if (effect.isEmpty()) {
      return false;
    }
    for (EffectTerm term : effect.get()) {
      IdentitySet ids = EffectTermBinder.bind(term, site);
      if (ids.isEmpty()) {
        continue;
      }
      check(site.tree(), ids, ctx, FindingText.declared(site.callee(), term), certain);
      record(ctx, ids, certain, FindingText.callAt(site.callee(), site.line()));
    }
    return true;
  }

  private static void record(ScanContext ctx, IdentitySet ids, boolean certain, String path) {
    if (ctx.summary() != null) {
      ctx.summary().enter(ids, certain, path);
    }
  }

  // ---- the verdict ----

  /**
   * Checks an entry of {@code inner} at {@code at} against the entries around it.
   *
   * @param via how {@code at} reaches the entry, or empty when {@code at} is the entry itself
   * @param certain whether the entry happens for certain when {@code at} runs
   */
  private void check(Tree at, IdentitySet inner, ScanContext ctx, String via, boolean certain) {
    if (ctx.entered().isEmpty() || inner.isEmpty()) {
      return;
    }
    TreePath path;
    if (ctx.redirect() != null) {
      String here = via.isEmpty() ? innerCall(at) : via;
      via = FindingText.then(ctx.redirect().via(), here);
      path = ctx.redirect().path();
    } else {
      path = pathFor(at);
    }
    Entry best = null;
    Verdict bestVerdict = Verdict.DISTINCT;
    for (Entry e : ctx.entered().entries()) {
      Verdict v = verdict(inner, e.identities()).ifCertain(certain && e.certain());
      if (v == Verdict.DEFINITE) {
        best = e;
        bestVerdict = v;
        break;
      }
      if (v == Verdict.POSSIBLE && best == null) {
        best = e;
        bestVerdict = v;
      }
    }
    if (best != null && path != null) {
      listener.nested(new NestingEvent(path, bestVerdict, inner, best, via));
    }
    if (bestVerdict == Verdict.POSSIBLE
        && ctx.summary() != null
        && ctx.redirect() == null
        && NestedParameters.between(inner, best.identities(), ctx.method())) {
      String here = via.isEmpty() ? innerCall(at) : via;
      summaries.recordParameterNesting(
          ctx.method(), new ParameterNesting(inner, best, certain && best.certain(), here));
    }
  }

  /**
   * A call of a method of this unit whose body nests two of its parameters: with the arguments in
   * the caller's terms, the same allocation on both sides is a definite nesting at this call;
   * parameters of the caller on both sides carry the question on to the caller's own callers.
   */
  private void checkParameterNestings(JavacCallSite site, ScanContext ctx) {
    for (ParameterNesting n : parameterNestings(site.callee())) {
      IdentitySet inner = CallSiteTranslation.entered(n.inner(), site);
      IdentitySet outer = CallSiteTranslation.entered(n.outer().identities(), site);
      if (inner.isEmpty() || outer.isEmpty()) {
        continue;
      }
      Verdict v = verdict(inner, outer).ifCertain(n.certain());
      Entry translated =
          new Entry(outer, n.outer().call(), n.outer().line(), n.outer().certain(), null);
      String via = FindingText.through(site.callee(), n.via());
      if (v == Verdict.DEFINITE) {
        TreePath path = ctx.redirect() != null ? ctx.redirect().path() : pathFor(site.tree());
        String fullVia = ctx.redirect() != null ? FindingText.then(ctx.redirect().via(), via) : via;
        if (path != null) {
          listener.nested(new NestingEvent(path, v, inner, translated, fullVia));
        }
      } else if (v == Verdict.POSSIBLE
          && ctx.summary() != null
          && ctx.redirect() == null
          && NestedParameters.between(inner, outer, ctx.method())) {
        summaries.recordParameterNesting(
            ctx.method(), new ParameterNesting(inner, translated, n.certain(), via));
      }
    }
  }

  /**
   * The model's verdict, narrowed by {@code -XepOpt:PerCpu:TypeArgumentAliasing=false}: then two
   * handles are possibly the same only when they share a member.
   */
  private Verdict verdict(IdentitySet inner, IdentitySet entered) {
    Verdict v = Verdict.of(inner, entered, unit.modelTypes());
    if (v != Verdict.POSSIBLE || unit.config().typeArgumentAliasing()) {
      return v;
    }
    for (var a : inner.members()) {
      for (var b : entered.members()) {
        if (a.equals(b)) {
          return v;
        }
      }
    }
    return Verdict.DISTINCT;
  }

  /** How a path names the inner entering call itself: {@code `with` at line 12}. */
  private String innerCall(Tree at) {
    MethodSymbol m = at instanceof MethodInvocationTree mi ? ASTHelpers.getSymbol(mi) : null;
    return FindingText.innerCall(m, unit.lines().of(at));
  }

  private TreePath pathFor(Tree at) {
    TreePath p = getCurrentPath();
    if (p != null && p.getLeaf() == at) {
      return p;
    }
    return p == null ? null : new TreePath(p, at);
  }

  /**
   * The freshest summary of {@code m}, its body walked now if this pass has not walked it yet, so a
   * call chain settles in one pass whatever its order. A method of another unit has the final
   * summary of that unit's own fixpoint. Null when it has none or an empty one.
   */
  private EffectSummary summaryOf(MethodSymbol m) {
    if (summaries.needsWalk(m)) {
      TreePath declaration = unit.index().pathOf(m);
      if (declaration != null) {
        scanUnder(declaration.getParentPath(), declaration.getLeaf(), ScanContext.TOP);
      }
    }
    EffectSummary here = summaries.summaryOf(m);
    if (here != null || unit.index().declaredHere(m)) {
      return here;
    }
    BodySummary there = unit.otherUnit(m);
    return there == null || there.summary().isEmpty() ? null : there.summary();
  }

  /** The nestings between {@code m}'s parameters, from this pass or from {@code m}'s own unit. */
  private List<ParameterNesting> parameterNestings(MethodSymbol m) {
    if (unit.index().declaredHere(m)) {
      return summaries.parameterNestings(m);
    }
    BodySummary there = unit.otherUnit(m);
    return there == null ? List.of() : there.parameterNestings();
  }
}
