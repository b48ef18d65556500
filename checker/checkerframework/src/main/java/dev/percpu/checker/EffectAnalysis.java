package dev.percpu.checker;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import dev.percpu.analysis.CallScanner;
import dev.percpu.analysis.CallSite;
import dev.percpu.analysis.CallSiteTranslation;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.DefaultEffects;
import dev.percpu.analysis.Effect;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.analysis.EffectTerm;
import dev.percpu.analysis.EffectTermBinder;
import dev.percpu.analysis.Entry;
import dev.percpu.analysis.FindingText;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.NestedParameters;
import dev.percpu.analysis.OwnReturns;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.StreamPipeline;
import dev.percpu.analysis.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The effect system of one compilation unit, in the manner of the GUI Effect Checker: which
 * allocations each point of the code may enter, which allocations are entered around it, and a
 * computed summary for every method declared in the unit (whatever its visibility), found by a
 * fixpoint over the unit's call graph. Methods compiled elsewhere are described by their
 * {@code @Enters} effect, or by the documented default: every handle passed may be entered, and
 * every closure passed may be invoked (inside those entries) unless {@link PerCpuApi#closureUse}
 * says it runs elsewhere.
 */
final class EffectAnalysis {

  /** Closure chains deeper than this are cut off (they are not followed further). */
  private static final int MAX_DEPTH = 24;

  /**
   * Summaries grow one call level per round; a unit needing more rounds is reported, not trusted.
   */
  private static final int MIN_ROUNDS = 16;

  /** Whether the summaries reached their fixpoint (they always do on real code). */
  private boolean converged;

  /** Set once the summaries are computed, converged or not: see {@link #pinsAround}. */
  private boolean summariesFinal;

  private final PerCpuAnnotatedTypeFactory factory;
  private final PerCpuApi api;
  private final Types types;
  private final List<TreePath> classPaths;
  private final Map<ExecutableElement, EffectSummary> earlier;
  private final Map<ExecutableElement, TreePath> methods = new LinkedHashMap<>();

  /** A method of these classes -> the methods it overrides, whose effects must contain its own. */
  private final Map<ExecutableElement, List<ExecutableElement>> overridden = new HashMap<>();

  private final List<TreePath> points = new ArrayList<>();
  private Map<ExecutableElement, EffectSummary> summaries = new HashMap<>();

  /**
   * Closures of this class that run later (stored, returned, handed on) -> what they may enter. A
   * call through a functional interface that cannot be traced to its closure may run them.
   */
  private Map<Tree, Set<EntrySite>> deferredEffects = new LinkedHashMap<>();

  /** The functional type of each deferred closure, taken while its tree is still attributed. */
  private final Map<Tree, TypeMirror> deferredTypes = new HashMap<>();

  /** Deferred closures of the unit's classes analysed before this one (their trees may be gone). */
  private final Map<Tree, StoredClosure> earlierDeferred;

  private final Map<VariableElement, Tree> closureInitializers = new HashMap<>();
  private final Map<Tree, AllocationIdentity> identities = new IdentityHashMap<>();

  /**
   * While set, a method of an anonymous class is a root of its own, as for summaries: it is also
   * called directly, through dynamic dispatch, not only as the closure its object stands for.
   */
  private boolean anonymousAsMethods;

  /** Class members reached as roots (initialisers) -> their class. */
  private final Map<Tree, ClassTree> memberOwners = new HashMap<>();

  /** Malformed {@code @Enters} annotations seen on callees: method -> message. */
  private final Map<ExecutableElement, String> badEffects = new LinkedHashMap<>();

  /**
   * @param classPaths the top-level classes to analyse: the one being checked and the unit's
   *     classes after it
   * @param earlier summaries of the unit's classes analysed before it
   * @param earlierDeferred closures stored for later by the unit's classes analysed before it
   */
  EffectAnalysis(
      PerCpuAnnotatedTypeFactory factory,
      List<TreePath> classPaths,
      Map<ExecutableElement, EffectSummary> earlier,
      Map<Tree, StoredClosure> earlierDeferred) {
    this.factory = factory;
    this.api = factory.api();
    this.types = factory.getProcessingEnv().getTypeUtils();
    this.classPaths = List.copyOf(classPaths);
    this.earlier = Map.copyOf(earlier);
    this.earlierDeferred = new HashMap<>(earlierDeferred);
    collect();
    computeSummaries();
    summariesFinal = true;
  }

  /** The closures stored for later by the analysed classes, with their types. */
  Map<Tree, StoredClosure> storedClosures() {
    Map<Tree, StoredClosure> out = new HashMap<>();
    for (Map.Entry<Tree, Set<EntrySite>> d : deferredEffects.entrySet()) {
      TypeMirror t = deferredTypes.get(d.getKey());
      if (t != null) {
        out.put(d.getKey(), new StoredClosure(t, d.getValue()));
      }
    }
    return out;
  }

  /** The summaries computed for this class's methods. */
  Map<ExecutableElement, EffectSummary> summaries() {
    Map<ExecutableElement, EffectSummary> own = new HashMap<>(summaries);
    own.keySet().removeAll(earlier.keySet());
    return own;
  }

  Map<ExecutableElement, String> badEffects() {
    return badEffects;
  }

  /** The effect computed from {@code method}'s body, whatever its visibility (for checking it). */
  EffectSummary summaryOf(ExecutableElement method) {
    return summaries.get(method);
  }

  /**
   * The computed effect that callers here use: for the methods whose effect is the checker's own
   * business (private methods and methods of anonymous and local classes, which no other file can
   * call by name), and for the methods {@link #followsBody followed} by callers here. Every other
   * method is described by its {@code @Enters} or the default, as in the GUI Effect Checker, and
   * its body is checked against that description.
   */
  private EffectSummary computedSummary(ExecutableElement callee) {
    return isComputed(callee) || followsBody(callee) ? summaries.get(callee) : null;
  }

  /**
   * Whether callers in the analysed class use {@code m}'s body rather than its declaration: a
   * method of this class without {@code @Enters} or an API role, a call of which runs its own body
   * (static, final, a constructor: no override can run instead, so the body is the whole effect),
   * and whose body enters more than the default lets callers assume. Within the default, the
   * default is kept: it binds the handles passed at each call exactly, varargs included. Callers in
   * other files still read only the declaration, which {@code -ApercpuStrict} checks ({@code
   * effect.undeclared}), as for the blocking rule's helpers.
   */
  boolean followsBody(ExecutableElement m) {
    if (!methods.containsKey(m) || isComputed(m) || !runsOwnBody(m)) {
      return false;
    }
    MethodRole role = api.roleOf(m);
    if (role instanceof MethodRole.Entering || role instanceof MethodRole.InvokesClosure) {
      return false;
    }
    try {
      if (api.declaredEffect(m).isPresent()) {
        return false;
      }
    } catch (IllegalArgumentException e) {
      return false; // enters.invalid is reported at the declaration; callers read the default
    }
    return enteredBeyondDefault(m).findAny().isPresent();
  }

  /**
   * The allocations {@code m}'s body, as summarised so far, enters beyond what its declaration (or
   * the default: the handles passed to it) lets its callers assume. Summaries only grow during the
   * fixpoint, so once not empty this stays not empty.
   */
  Set<AllocationIdentity> beyondDefault(ExecutableElement m) {
    return enteredBeyondDefault(m).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** {@link #beyondDefault}, lazily: {@link #followsBody} asks at every call, and needs one. */
  private Stream<AllocationIdentity> enteredBeyondDefault(ExecutableElement m) {
    EffectSummary s = summaries.get(m);
    return s == null
        ? Stream.empty()
        : identitiesOf(s).stream().filter(id -> !effectContains(m, m, id));
  }

  /** Every allocation a summary enters, directly or around the closures it runs. */
  static Set<AllocationIdentity> identitiesOf(EffectSummary s) {
    Set<AllocationIdentity> all = new LinkedHashSet<>();
    for (Effect e : s.enters()) {
      all.addAll(e.identities().members());
    }
    for (int k : s.invokedParameters()) {
      for (Entry e : s.invocation(k).around()) {
        all.addAll(e.identities().members());
      }
    }
    return all;
  }

  /** See {@link #computedSummary}. */
  static boolean isComputed(ExecutableElement m) {
    if (m.getModifiers().contains(Modifier.PRIVATE)) {
      return true;
    }
    for (Element e = m.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement t
          && (t.getNestingKind() == NestingKind.ANONYMOUS
              || t.getNestingKind() == NestingKind.LOCAL)) {
        return true;
      }
    }
    return false;
  }

  /** The methods {@code m} overrides, among those of its supertypes. */
  List<ExecutableElement> overriddenBy(ExecutableElement m) {
    return overridden.getOrDefault(m, List.of());
  }

  /**
   * Whether a verdict in the analysed code rests on the effect of {@code m} as its callers see it:
   * a call of {@code m} inside an entry, one that passes it a closure, or one in the body of a
   * method or closure whose effect is itself relied upon. Only then must the body of a method
   * without {@code @Enters} keep to the default; a method called only outside every entry (from
   * {@code main}, say) may enter what it likes.
   */
  boolean isReliedUpon(ExecutableElement m) {
    if (reliedUpon == null) {
      reliedUpon = computeReliedUpon();
    }
    return reliedUpon.contains(m);
  }

  private Set<ExecutableElement> reliedUpon;

  private Set<ExecutableElement> computeReliedUpon() {
    Set<ExecutableElement> relied = new HashSet<>();
    Map<ExecutableElement, Set<ExecutableElement>> callees = new HashMap<>();
    for (TreePath point : points) {
      ExecutableElement m = calleeOf(point.getLeaf());
      if (m == null || !methods.containsKey(m)) {
        continue;
      }
      Reach r = reachOfPoint(point);
      if (!r.runs()) {
        continue;
      }
      ExecutableElement root =
          r.root() instanceof MethodTree mt ? TreeUtils.elementFromDeclaration(mt) : null;
      if (!r.entered().isEmpty() || passesClosure(point.getLeaf()) || root == null) {
        relied.add(m); // inside an entry, given a closure, or run as a closure or initialiser
      } else {
        callees.computeIfAbsent(root, k -> new HashSet<>()).add(m);
      }
    }
    List<ExecutableElement> work = new ArrayList<>(relied);
    while (!work.isEmpty()) {
      for (ExecutableElement c : callees.getOrDefault(work.remove(work.size() - 1), Set.of())) {
        if (relied.add(c)) {
          work.add(c);
        }
      }
    }
    return relied;
  }

  /**
   * Whether the call passes a closure through which a nesting could arise inside the callee's
   * entries: an argument of a functional interface type, unless it is a lambda in which no call,
   * constructor call or method reference may enter anything. Such a lambda cannot nest whatever the
   * callee enters around it, so no verdict rests on the callee's effect through it (a wrapper
   * {@code update(Consumer<T> c) { STATS.with(c); }} called with {@code s -> s.count++}).
   */
  private boolean passesClosure(Tree call) {
    for (ExpressionTree arg : arguments(call)) {
      TypeMirror t = TreeUtils.typeOf(arg);
      if (t != null
          && isFunctionalInterface(t)
          && !(TreeUtils.withoutParens(arg) instanceof LambdaExpressionTree lambda
              && entersNothing(lambda))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} is a functional interface type: what a lambda or method reference can be. */
  boolean isFunctionalInterface(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && types.asElement(t) instanceof TypeElement te
        && factory.getElementUtils().isFunctionalInterface(te);
  }

  /** Whether every call-like point written in {@code lambda} has an empty effect. */
  private boolean entersNothing(LambdaExpressionTree lambda) {
    if (pointPaths == null) {
      pointPaths = new IdentityHashMap<>();
      for (TreePath point : points) {
        pointPaths.put(point.getLeaf(), point);
      }
    }
    boolean[] enters = {false};
    new CallScanner() {
      @Override
      protected void call(ExpressionTree call) {
        TreePath point = pointPaths.get(call);
        // A point not collected (it should not happen) counts as entering: the safe answer.
        if (point == null || calleeOf(call) == null || !effectOf(point).isEmpty()) {
          enters[0] = true;
        }
      }
    }.scan(lambda.getBody(), null);
    return !enters[0];
  }

  private Map<Tree, TreePath> pointPaths;

  /**
   * The closure parameters (0-based) that {@code m}'s body stores or hands on instead of running
   * them before it returns: the default effect of a method without {@code @Deferred} says they run
   * during the call.
   */
  List<Integer> storedClosureParameters(ExecutableElement m) {
    TreePath body = methods.get(m);
    List<Integer> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    List<? extends VariableElement> params = m.getParameters();
    for (int k = 0; k < params.size(); k++) {
      VariableElement param = params.get(k);
      if (!mayHoldClosure(param.asType()) || api.closureUse(m, k, types) == ClosureUse.ELSEWHERE) {
        continue;
      }
      for (TreePath use : usesOf(param, body)) {
        Reach r = closureReach(use, 0);
        if (r.runs() && r.root() != body.getLeaf()) {
          out.add(k);
          break;
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Summaries

  private void collect() {
    TreePathScanner<Void, Void> scanner =
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitMethod(MethodTree tree, Void unused) {
            ExecutableElement e = TreeUtils.elementFromDeclaration(tree);
            if (e != null && tree.getBody() != null) {
              methods.put(e, getCurrentPath());
            }
            return super.visitMethod(tree, unused);
          }

          @Override
          public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            points.add(getCurrentPath());
            return super.visitMethodInvocation(tree, unused);
          }

          @Override
          public Void visitNewClass(NewClassTree tree, Void unused) {
            points.add(getCurrentPath());
            return super.visitNewClass(tree, unused);
          }

          @Override
          public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            points.add(getCurrentPath());
            return super.visitMemberReference(tree, unused);
          }
        };
    for (TreePath classPath : classPaths) {
      scanner.scan(classPath, null);
    }
    for (ExecutableElement m : methods.keySet()) {
      recordOverrides(m);
    }
  }

  private void recordOverrides(ExecutableElement m) {
    if (m.getKind() != ElementKind.METHOD
        || m.getModifiers().contains(Modifier.STATIC)
        || m.getModifiers().contains(Modifier.PRIVATE)
        || !(m.getEnclosingElement() instanceof TypeElement owner)) {
      return;
    }
    List<TypeMirror> work = new ArrayList<>(types.directSupertypes(owner.asType()));
    Set<Element> seen = new HashSet<>();
    while (!work.isEmpty()) {
      TypeMirror t = work.remove(work.size() - 1);
      if (t.getKind() != TypeKind.DECLARED || !seen.add(types.asElement(t))) {
        continue;
      }
      TypeElement superType = (TypeElement) types.asElement(t);
      for (ExecutableElement s : ElementFilter.methodsIn(superType.getEnclosedElements())) {
        if (s.getSimpleName().equals(m.getSimpleName())
            && factory.getElementUtils().overrides(m, s, owner)) {
          overridden.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
        }
      }
      work.addAll(types.directSupertypes(t));
    }
  }

  private void computeSummaries() {
    summaries.putAll(earlier);
    for (ExecutableElement m : methods.keySet()) {
      summaries.put(m, EffectSummary.EMPTY);
    }
    int maxRounds = Math.max(MIN_ROUNDS, 4 * methods.size() + 8);
    for (int round = 0; round < maxRounds; round++) {
      Map<ExecutableElement, EffectSummary.Builder> next = new HashMap<>();
      Map<Tree, Set<EntrySite>> nextDeferred = new LinkedHashMap<>();
      for (TreePath point : points) {
        Reach r = reachOfPoint(point);
        if (r.runs() && r.deferred()) {
          Set<EntrySite> effect = effectOf(point);
          if (!effect.isEmpty()) {
            nextDeferred.computeIfAbsent(r.root(), k -> new LinkedHashSet<>()).addAll(effect);
          }
        }
        if (r.runs() && isInstanceInitializer(r.root())) {
          Set<EntrySite> effect = effectOf(point);
          for (ExecutableElement ctor : constructorsOf(memberOwners.get(r.root()))) {
            enter(next, ctor, effect);
          }
        }
        if (inAnonymousClassMethod(point)) {
          anonymousAsMethods = true;
          try {
            Reach direct = reachOfPoint(point);
            if (direct.runs() && direct.root() instanceof MethodTree dt) {
              enter(next, TreeUtils.elementFromDeclaration(dt), effectOf(point));
            }
          } finally {
            anonymousAsMethods = false;
          }
        }
        if (!r.runs() || !(r.root() instanceof MethodTree mt)) {
          continue;
        }
        enter(next, TreeUtils.elementFromDeclaration(mt), effectOf(point));
      }
      for (Map.Entry<ExecutableElement, TreePath> e : methods.entrySet()) {
        ExecutableElement m = e.getKey();
        List<? extends VariableElement> params = m.getParameters();
        for (int k = 0; k < params.size(); k++) {
          VariableElement param = params.get(k);
          if (!mayHoldClosure(param.asType())) {
            continue;
          }
          Reach r = Reach.NOT_RUN;
          // The summary of an anonymous class's method is of the method itself, however it is
          // called; any other method's closures are followed through anonymous objects.
          anonymousAsMethods = isAnonymousClassMethod(e.getValue());
          try {
            for (TreePath use : usesOf(param, e.getValue())) {
              r = r.union(closureReach(use, 0));
            }
          } finally {
            anonymousAsMethods = false;
          }
          if (r.runs() && r.root() == e.getValue().getLeaf()) {
            List<Entry> around = new ArrayList<>();
            for (EntrySite x : export(r.entered(), m)) {
              around.add(new Entry(IdentitySet.of(x.id()), x.via(), 0, !x.possibleOnly(), null));
            }
            next.computeIfAbsent(m, x -> new EffectSummary.Builder()).invoke(k, true, around);
          }
        }
      }
      Map<ExecutableElement, EffectSummary> built = new HashMap<>(earlier);
      boolean changed = false;
      for (ExecutableElement m : methods.keySet()) {
        EffectSummary.Builder b = next.get(m);
        EffectSummary s = b == null ? EffectSummary.EMPTY : b.build();
        built.put(m, s);
        changed |= !s.equals(summaries.get(m));
      }
      summaries = built;
      if (!nextDeferred.keySet().equals(deferredEffects.keySet())
          || sizes(nextDeferred) != sizes(deferredEffects)) {
        changed = true;
      }
      deferredEffects = nextDeferred;
      for (Tree closure : deferredEffects.keySet()) {
        deferredTypes.computeIfAbsent(closure, TreeUtils::typeOf);
      }
      if (!changed) {
        converged = true;
        return;
      }
    }
  }

  /** Records that {@code m} may enter {@code effect}, in its own terms. */
  private void enter(
      Map<ExecutableElement, EffectSummary.Builder> next,
      ExecutableElement m,
      Set<EntrySite> effect) {
    if (m == null || effect.isEmpty()) {
      return;
    }
    EffectSummary.Builder b = next.computeIfAbsent(m, k -> new EffectSummary.Builder());
    for (EntrySite x : export(effect, m)) {
      b.enter(IdentitySet.of(x.id()), !x.possibleOnly(), x.via());
    }
  }

  /** Whether the computed summaries are a fixpoint; if not, the class is reported unproven. */
  boolean converged() {
    return converged;
  }

  /** Whether the nearest method around the point belongs to an anonymous class. */
  private static boolean inAnonymousClassMethod(TreePath point) {
    for (TreePath p = point.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        return isAnonymousClassMethod(p);
      }
    }
    return false;
  }

  private static boolean isAnonymousClassMethod(TreePath method) {
    TreePath cls = method.getParentPath();
    return cls != null
        && cls.getParentPath() != null
        && cls.getParentPath().getLeaf() instanceof NewClassTree nc
        && nc.getClassBody() == cls.getLeaf();
  }

  private static boolean isInstanceInitializer(Tree member) {
    if (member instanceof VariableTree v) {
      return !v.getModifiers().getFlags().contains(Modifier.STATIC);
    }
    return member instanceof BlockTree b && !b.isStatic();
  }

  private List<ExecutableElement> constructorsOf(ClassTree ct) {
    List<ExecutableElement> out = new ArrayList<>();
    TypeElement owner = ct == null ? null : TreeUtils.elementFromDeclaration(ct);
    for (ExecutableElement m : methods.keySet()) {
      if (m.getKind() == ElementKind.CONSTRUCTOR && m.getEnclosingElement().equals(owner)) {
        out.add(m);
      }
    }
    return out;
  }

  private static int sizes(Map<Tree, Set<EntrySite>> m) {
    int n = 0;
    for (Set<EntrySite> s : m.values()) {
      n += s.size();
    }
    return n;
  }

  private static boolean mayHoldClosure(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED && !PerCpuApi.isHandleOrToken(t);
  }

  /**
   * Entries in a method's own terms, as its summary keeps them: its parameters stay (the model's
   * translation maps them to the arguments at each call); a local of the method means nothing to
   * its callers, so it may be any allocation.
   */
  private static List<EntrySite> export(Set<EntrySite> entries, ExecutableElement m) {
    List<EntrySite> out = new ArrayList<>(entries.size());
    for (EntrySite e : entries) {
      AllocationIdentity id = e.id();
      if (id instanceof Variable v && !v.isField() && !v.isParameterOf(m)) {
        id = new Unknown(id.typeArgument(), id.describe());
      }
      out.add(new EntrySite(id, e.site(), e.via(), e.advice(), e.possibleOnly()));
    }
    return out;
  }

  /** The 0-based index of {@code id} among {@code m}'s parameters, or -1 if it is none of them. */
  static int parameterIndex(ExecutableElement m, AllocationIdentity id) {
    return id instanceof Variable v && v.isParameterOf(m)
        ? m.getParameters().indexOf(v.variable())
        : -1;
  }

  /**
   * What a callee's computed effect enters at one call, in the caller's terms: the model's
   * instantiation ({@link EffectSummary#instantiate}: a parameter is the argument, a field through
   * another receiver is another object's, an allocation of the callee's own evaluation drops out).
   */
  private Set<EntrySite> instantiate(EffectSummary s, ExecutableElement callee, Tree site) {
    Set<EntrySite> out = new LinkedHashSet<>();
    for (Effect e : s.instantiate(callSite(callee, site, argumentsOrNull(site)))) {
      for (AllocationIdentity id : e.identities().members()) {
        out.add(new EntrySite(id, site, via(callee), "", !e.certain()));
      }
    }
    return out;
  }

  /** The entries a callee's summary has around closure parameter {@code index}, at one call. */
  private Set<EntrySite> entriesAround(
      EffectSummary s, int index, ExecutableElement callee, Tree site) {
    Set<EntrySite> out = new LinkedHashSet<>();
    for (Entry e : s.entriesAround(index, callSite(callee, site, argumentsOrNull(site)))) {
      for (AllocationIdentity id : e.identities().members()) {
        out.add(new EntrySite(id, site, via(callee), "", !e.certain()));
      }
    }
    return out;
  }

  /** The call at {@code site} as the model's translation and binder see it. */
  private CallSite callSite(
      ExecutableElement callee, Tree site, List<? extends ExpressionTree> args) {
    return callSite(callee, site, args, null);
  }

  /** As {@link #callSite(ExecutableElement, Tree, List)}, in the body of {@code caller}. */
  private CallSite callSite(
      ExecutableElement callee,
      Tree site,
      List<? extends ExpressionTree> args,
      ExecutableElement caller) {
    return new TreeCallSite(
        callee, site, args, receiver(site), caller, 0, this::identityOf, factory::fieldThrough);
  }

  /** A call's arguments; a method reference has none of its own ({@code null}). */
  private static List<? extends ExpressionTree> argumentsOrNull(Tree site) {
    return site instanceof MemberReferenceTree ? null : arguments(site);
  }

  // ---------------------------------------------------------------------------------------------
  // Nestings between a method's own parameters, decided again at each call

  /** Methods of these classes -> the nestings between their own parameters their bodies show. */
  private Map<ExecutableElement, List<HelperNesting>> helperNestings;

  /**
   * The nestings between the callee's parameters that the call at {@code point} makes definite,
   * each with the model's view of it at this call: {@code nest(COUNTS, COUNTS)} for a {@code nest}
   * that enters its second parameter inside its first. Only a callee whose body is the one the call
   * runs counts (no override can take its place): with another body the two entries may not nest.
   */
  List<Map.Entry<HelperNesting, NestedParameters.AtCall>> definiteHelperNestingsAt(TreePath point) {
    Tree call = point.getLeaf();
    ExecutableElement callee = calleeOf(call);
    if (callee == null || call instanceof MemberReferenceTree || !runsOwnBody(callee)) {
      return List.of();
    }
    List<HelperNesting> known = helperNestings().getOrDefault(callee, List.of());
    if (known.isEmpty()) {
      return List.of();
    }
    CallSite site = callSite(callee, call, arguments(call), rootMethod(point));
    List<Map.Entry<HelperNesting, NestedParameters.AtCall>> out = new ArrayList<>();
    for (HelperNesting n : known) {
      NestedParameters.AtCall at = n.nesting().at(site, types);
      if (at.verdict() == Verdict.DEFINITE) {
        out.add(Map.entry(n, at));
      }
    }
    return out;
  }

  /** Whether a call of {@code m} always runs {@code m}'s own body: nothing can override it. */
  private static boolean runsOwnBody(ExecutableElement m) {
    return m.getKind() == ElementKind.CONSTRUCTOR
        || PerCpuAnnotatedTypeFactory.cannotBeOverridden(m)
        || (m.getEnclosingElement() instanceof TypeElement owner
            && owner.getNestingKind() == NestingKind.ANONYMOUS);
  }

  /** The method whose body a point runs in directly (not as a closure run later), or null. */
  private ExecutableElement rootMethod(TreePath point) {
    Reach r = reachOfPoint(point);
    return r.runs() && r.root() instanceof MethodTree mt
        ? TreeUtils.elementFromDeclaration(mt)
        : null;
  }

  private Map<ExecutableElement, List<HelperNesting>> helperNestings() {
    if (helperNestings == null) {
      helperNestings = computeHelperNestings();
    }
    return helperNestings;
  }

  /**
   * The possible nestings of a body between two of its method's parameters, then those its calls
   * pass on: a call of such a method with the caller's own parameters on both sides is a nesting
   * between the caller's parameters, up to a fixpoint.
   */
  private Map<ExecutableElement, List<HelperNesting>> computeHelperNestings() {
    Map<ExecutableElement, List<HelperNesting>> out = new HashMap<>();
    Map<TreePath, ExecutableElement> calls = new LinkedHashMap<>();
    for (TreePath point : points) {
      ExecutableElement m = rootMethod(point);
      if (m == null) {
        continue;
      }
      if (point.getLeaf() instanceof MethodInvocationTree
          || point.getLeaf() instanceof NewClassTree) {
        calls.put(point, m);
      }
      Reach r = reachOfPoint(point);
      if (r.entered().isEmpty()) {
        continue;
      }
      for (EntrySite inner : effectOf(point)) {
        for (EntrySite outer : r.entered()) {
          IdentitySet in = IdentitySet.of(inner.id());
          IdentitySet around = IdentitySet.of(outer.id());
          if (NestedParameters.between(in, around, m)
              && Verdict.of(in, around, types) == Verdict.POSSIBLE) {
            boolean certain = !inner.possibleOnly() && !outer.possibleOnly();
            add(
                out,
                m,
                new HelperNesting(
                    new NestedParameters(in, around, certain),
                    outer.site(),
                    point.getLeaf(),
                    inner.via(),
                    List.of()));
          }
        }
      }
    }
    boolean changed = !out.isEmpty();
    for (int round = 0; changed && round < MIN_ROUNDS + methods.size(); round++) {
      changed = false;
      for (Map.Entry<TreePath, ExecutableElement> c : calls.entrySet()) {
        Tree call = c.getKey().getLeaf();
        ExecutableElement callee = calleeOf(call);
        List<HelperNesting> known = callee == null ? null : out.get(callee);
        if (known == null || !runsOwnBody(callee)) {
          continue;
        }
        CallSite site = callSite(callee, call, arguments(call), c.getValue());
        for (HelperNesting n : List.copyOf(known)) {
          NestedParameters.AtCall at = n.nesting().at(site, types);
          if (at.carriesOn()) {
            List<ExecutableElement> through = new ArrayList<>();
            through.add(callee);
            through.addAll(n.through());
            changed |=
                add(
                    out,
                    c.getValue(),
                    new HelperNesting(
                        at.asNesting(),
                        n.outerSite(),
                        n.innerSite(),
                        n.innerVia(),
                        List.copyOf(through)));
          }
        }
      }
    }
    return out;
  }

  private static boolean add(
      Map<ExecutableElement, List<HelperNesting>> all, ExecutableElement m, HelperNesting n) {
    List<HelperNesting> known = all.computeIfAbsent(m, k -> new ArrayList<>());
    for (HelperNesting k : known) {
      if (k.nesting().equals(n.nesting())) {
        return false;
      }
    }
    known.add(n);
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Reach: where a point runs, inside which entries and under which pins

  /** The reach of a call, constructor call or method reference (which runs as a closure). */
  Reach reachOfPoint(TreePath point) {
    if (point.getLeaf() instanceof MemberReferenceTree) {
      return closureReach(point, 0);
    }
    return reachOf(point, 0);
  }

  /**
   * Walks outwards from {@code path} to the enclosing method, through closures, collecting the
   * {@code CpuGuard} blocks it leaves on the way: one walk finds every kind of pin, so a closure
   * held in a local or an anonymous object is followed into a guard's block as into a {@code with}.
   */
  private Reach reachOf(TreePath path, int depth) {
    List<Pin> guards = new ArrayList<>(); // innermost first
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof LambdaExpressionTree lambda) {
        if (child == lambda.getBody()) {
          return underGuards(closureReach(p, depth + 1), guards);
        }
      } else if (t instanceof TryTree tt && child == tt.getBlock() && hasGuardResource(tt)) {
        // The resources are closed before catch and finally run: only the block is pinned.
        guards.add(Pin.at(tt, false));
      } else if (t instanceof MethodTree) {
        TreePath classPath = p.getParentPath();
        TreePath outer = classPath == null ? null : classPath.getParentPath();
        if (!anonymousAsMethods
            && outer != null
            && outer.getLeaf() instanceof NewClassTree nc
            && nc.getClassBody() == classPath.getLeaf()) {
          // A method of an anonymous class runs when the object it belongs to is used.
          return underGuards(closureReach(outer, depth + 1), guards);
        }
        return underGuards(new Reach(true, Set.of(), t), guards);
      } else if (t instanceof ClassTree ct) {
        // A field initialiser or initialiser block: instance ones run inside every constructor.
        memberOwners.put(child, ct);
        return underGuards(new Reach(true, Set.of(), child), guards);
      }
    }
    return underGuards(new Reach(true, Set.of(), null), guards);
  }

  /** {@code outer}, with the guards found inside it (innermost first) held as well. */
  private static Reach underGuards(Reach outer, List<Pin> guards) {
    if (guards.isEmpty()) {
      return outer;
    }
    List<Pin> outermostFirst = new ArrayList<>(guards);
    Collections.reverse(outermostFirst);
    return outer.plus(Set.of(), outermostFirst);
  }

  private static boolean hasGuardResource(TryTree tt) {
    for (Tree r : tt.getResources()) {
      TypeMirror t =
          r instanceof VariableTree v
              ? typeOfDeclared(TreeUtils.elementFromDeclaration(v))
              : r instanceof ExpressionTree e ? TreeUtils.typeOf(e) : null;
      if (PerCpuApi.isGuard(t)) {
        return true;
      }
    }
    return false;
  }

  private static TypeMirror typeOfDeclared(VariableElement v) {
    return v == null ? null : v.asType();
  }

  /**
   * Where a closure runs: {@link Reach#ownRoot} (its own root) when it runs later or on another
   * thread, otherwise the reach of the code that runs it now.
   */
  Reach reachOfClosure(TreePath closure) {
    return closureReach(closure, 0);
  }

  /** Where the closure (lambda, method reference, anonymous object, closure variable) runs. */
  private Reach closureReach(TreePath closure, int depth) {
    if (depth > MAX_DEPTH) {
      return new Reach(true, Set.of(), null);
    }
    Tree self = closure.getLeaf();
    Tree child = self;
    TreePath up = closure.getParentPath();
    while (up != null
        && (up.getLeaf() instanceof ParenthesizedTree
            || up.getLeaf() instanceof TypeCastTree
            || (up.getLeaf() instanceof ConditionalExpressionTree c
                && c.getCondition() != child))) {
      child = up.getLeaf();
      up = up.getParentPath();
    }
    if (up == null) {
      return Reach.ownRoot(self);
    }
    Tree parent = up.getLeaf();
    if (parent instanceof MethodInvocationTree call) {
      int index = indexOf(call.getArguments(), child);
      if (index >= 0) {
        return useAt(up, calleeOf(call), index, self, depth + 1);
      }
    } else if (parent instanceof NewClassTree nc) {
      int index = indexOf(nc.getArguments(), child);
      if (index >= 0) {
        return useAt(up, calleeOf(nc), index, self, depth + 1);
      }
    } else if (parent instanceof VariableTree v && v.getInitializer() == child) {
      VariableElement var = TreeUtils.elementFromDeclaration(v);
      if (var != null
          && var.getKind() == ElementKind.LOCAL_VARIABLE
          && factory.isEffectivelyFinal(var)) {
        TreePath scope = enclosingScope(up);
        Reach r = Reach.NOT_RUN;
        for (TreePath use : usesOf(var, scope)) {
          String via = FindingText.closure(var.getSimpleName().toString(), line(child));
          r = r.union(closureReach(use, depth + 1).runAt(new EntrySite.RunSite(runSite(use), via)));
        }
        return r.runs() ? r : Reach.ownRoot(self);
      }
    } else if (parent instanceof MemberSelectTree sel
        && sel.getExpression() == child
        && up.getParentPath() != null
        && up.getParentPath().getLeaf() instanceof MethodInvocationTree invocation) {
      if (startsAnotherThread(invocation)) {
        // An anonymous Thread's start(): its run() runs on the new thread, as the model says of
        // the closure a Thread is made with.
        return Reach.ownRoot(self);
      }
      // closure.run(): invoked right here.
      return reachOf(up.getParentPath(), depth + 1);
    } else if (parent instanceof MemberReferenceTree ref && ref.getQualifierExpression() == child) {
      // closure::accept runs the closure wherever the method reference runs.
      return closureReach(up, depth + 1);
    }
    // Returned, stored in a field or a collection, or used in a way not followed: runs later.
    return Reach.ownRoot(self);
  }

  /**
   * Whether the call is {@code java.lang.Thread}'s own {@code start()} (not an override of it),
   * which by the model's rule for a Thread's closure ({@link PerCpuApi#heldClosureUse}) runs the
   * thread's {@code run()} elsewhere. Any other call on an object whose methods are followed as a
   * closure runs them now: it may call any of them.
   */
  private boolean startsAnotherThread(MethodInvocationTree invocation) {
    ExecutableElement runner = calleeOf(invocation);
    if (runner == null
        || !runner.getSimpleName().contentEquals("start")
        || !(runner.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().contentEquals("java.lang.Thread")) {
      return false;
    }
    // The model's rule is per Thread constructor and the same for each: ask it of any one.
    List<ExecutableElement> makers = ElementFilter.constructorsIn(owner.getEnclosedElements());
    return !makers.isEmpty() && !api.heldClosureUse(makers.get(0), runner).mayRunInsideCaller();
  }

  /**
   * Where a use of a closure variable runs it: {@code r.run()} is the call, {@code forEach(r)} the
   * variable passed, as in the Error Prone checks.
   */
  private static Tree runSite(TreePath use) {
    TreePath sel = use.getParentPath();
    if (sel != null
        && sel.getLeaf() instanceof MemberSelectTree s
        && s.getExpression() == use.getLeaf()
        && sel.getParentPath() != null
        && sel.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == s) {
      return call;
    }
    return use.getLeaf();
  }

  private Trees trees;

  /** The line of {@code t} in the unit analysed, for messages; 0 when it has no position. */
  int line(Tree t) {
    CompilationUnitTree unit = classPaths.get(0).getCompilationUnit();
    if (trees == null) {
      trees = Trees.instance(factory.getProcessingEnv());
    }
    long pos = trees.getSourcePositions().getStartPosition(unit, t);
    return pos < 0 ? 0 : (int) unit.getLineMap().getLineNumber(pos);
  }

  /** The closure is argument {@code index} of the call at {@code callPath}. */
  private Reach useAt(
      TreePath callPath, ExecutableElement callee, int index, Tree closure, int depth) {
    if (callee == null) {
      return reachOf(callPath, depth);
    }
    // An override's effect is within the overridden method's (override.effect), so the method the
    // call resolves to statically describes every method dynamic dispatch may reach.
    return useAtCallee(callPath, callee, index, closure, depth);
  }

  private Reach useAtCallee(
      TreePath callPath, ExecutableElement callee, int index, Tree closure, int depth) {
    Tree call = callPath.getLeaf();
    List<? extends ExpressionTree> args = arguments(call);
    MethodRole role = api.roleOf(callee);
    if (role instanceof MethodRole.Entering e && e.closure() == index) {
      ExpressionTree handle =
          e.handle() < 0
              ? receiver(call)
              : (e.handle() < args.size() ? args.get(e.handle()) : null);
      AllocationIdentity id =
          handle == null ? new Unknown(null, "the receiver") : identityOf(handle);
      return reachOf(callPath, depth).plus(Set.of(new EntrySite(id, call, "", "")));
    }
    EffectSummary s = computedSummary(callee);
    if (s != null) {
      if (s.invocation(index) == null) {
        return Reach.ownRoot(closure); // the callee stores it, or hands it on
      }
      return reachOf(callPath, depth)
          .plus(entriesAround(s, index, callee, call), pinsAround(callee, index));
    }
    if (index == 0 && isOnEachCpu(callee)) {
      // The action runs now, once per CPU, pinned by the call itself.
      return reachOf(callPath, depth)
          .plus(declaredOrNothing(callee, call, args), List.of(Pin.at(call, false)));
    }
    // The model's closure-use table decides, with the receiver's maker: an executor of unknown
    // implementation may run the task now (Runnable::run), so only one made by a JDK pool factory
    // runs it elsewhere. Error Prone, a bug finder, presumes every executor is a pool.
    ClosureUse use = api.closureUse(callee, index, types, receiverMaker(call));
    if (use == ClosureUse.AT_TERMINAL) {
      // A lazy stream stage runs its closure only when a terminal operation consumes the
      // pipeline: follow it, as the Error Prone scanner does.
      use = StreamPipeline.consumption(callPath, p -> TreeUtils.elementFromTree(p.getLeaf()));
      if (use == ClosureUse.UNKNOWN) {
        return reachOf(callPath, depth).plus(declaredOrNothing(callee, call, args)).uncertain();
      }
    }
    if (!use.mayRunInsideCaller()) {
      Reach held = heldRunReach(callPath, callee, depth);
      return held != null ? held : Reach.ownRoot(closure);
    }
    // A non-private method of the class being checked pins as its body says, as a private one
    // does: its declaration is reported for callers elsewhere (pins.closure.parameter), but a
    // caller here is followed, so the method may be kept whose callers are all here.
    List<Pin> pins = pinsAround(callee, index);
    Reach base = reachOf(callPath, depth);
    if (use.certainlyInsideCaller()) {
      return inside(base, declaredOrNothing(callee, call, args), pins);
    }
    // Not described anywhere: it may invoke the closure while entering what it may enter. A method
    // whose source this compilation holds is held to the checker's default (it runs the closure
    // before returning unless the parameter is @Deferred: effect.beyond.default). Of one compiled
    // elsewhere the model knows nothing (ClosureUse.UNKNOWN), and the closure may run later (a
    // non-async CompletionStage callback): at most "possible", as in the Error Prone checks.
    Reach inside = inside(base, externalEffect(callee, call, args), pins);
    return factory.isCompiledHere(callee) ? inside : inside.uncertain();
  }

  /**
   * Inside a callee's declared (or defaulted) entries, each pinned by the call as its callers
   * elsewhere see it, unless its body shows the pins it holds around the closure: those name the
   * region more exactly (the guard or {@code with} inside it).
   */
  private static Reach inside(Reach base, Set<EntrySite> entries, List<Pin> bodyPins) {
    return bodyPins.isEmpty() ? base.plus(entries) : base.plus(entries, bodyPins);
  }

  /**
   * The pins a method of the unit holds around closure parameter {@code index} when it runs it, in
   * its callers' terms ({@link Pin#inside}). Pins feed no summary, so they are followed only once
   * the summaries are final, and then each method's answer is kept; a recursive call adds nothing.
   * Of any method of the class being checked, private or not: a non-private one is also reported at
   * its declaration ({@code pins.closure.parameter}), for its callers in other files.
   */
  List<Pin> pinsAround(ExecutableElement m, int index) {
    TreePath body = methods.get(m);
    if (!summariesFinal || body == null || index >= m.getParameters().size()) {
      return List.of();
    }
    List<Object> key = List.of(m, index);
    List<Pin> known = pinsAround.get(key);
    if (known != null) {
      return known;
    }
    if (!pinsInProgress.add(key)) {
      pinsCut = true;
      return List.of();
    }
    boolean cutOutside = pinsCut;
    pinsCut = false;
    Reach r = Reach.NOT_RUN;
    boolean anonymous = anonymousAsMethods;
    anonymousAsMethods = isAnonymousClassMethod(body);
    try {
      for (TreePath use : usesOf(m.getParameters().get(index), body)) {
        r = r.union(closureReach(use, 0));
      }
    } finally {
      anonymousAsMethods = anonymous;
      pinsInProgress.remove(key);
    }
    List<Pin> out = new ArrayList<>();
    if (r.runs() && r.root() == body.getLeaf()) {
      for (Pin p : r.pins()) {
        out.add(p.inside(m));
      }
    }
    // A result cut short by a recursive call is complete only for the outermost method of the
    // cycle, whose own uses the cut would have walked again.
    if (!pinsCut || pinsInProgress.isEmpty()) {
      pinsAround.put(key, List.copyOf(out));
    }
    pinsCut |= cutOutside;
    return out;
  }

  /**
   * Whether a caller that reads only {@code m}'s declaration already takes the closure it passes as
   * parameter {@code index} to run pinned: an entering method's closure, or any closure of a method
   * that declares entries (or, without {@code @Enters}, receives a handle, which the default says
   * it may enter): the closure runs inside those entries, each pinned by the call.
   */
  boolean declarationPins(ExecutableElement m, int index) {
    if (api.roleOf(m) instanceof MethodRole.Entering e && e.closure() == index) {
      return true;
    }
    try {
      Optional<List<EffectTerm>> declared = api.declaredEffect(m);
      if (declared.isPresent()) {
        return !declared.get().isEmpty();
      }
    } catch (IllegalArgumentException e) {
      // enters.invalid: a caller falls back to the default, as below.
    }
    if (DefaultEffects.entersNothing(m)) {
      return false;
    }
    for (VariableElement p : m.getParameters()) {
      if (PerCpuApi.isHandleOrToken(p.asType())) {
        return true;
      }
    }
    return false;
  }

  /** See {@link #pinsAround}: (method, parameter index) -> its pins. */
  private final Map<List<Object>, List<Pin>> pinsAround = new HashMap<>();

  private final Set<List<Object>> pinsInProgress = new HashSet<>();

  /** Whether a {@link #pinsAround} under way met a recursive call. */
  private boolean pinsCut;

  /** Whether {@code callee} is {@code CpuGuard.onEachCpu}, whose action runs pinned. */
  static boolean isOnEachCpu(ExecutableElement callee) {
    return callee.getSimpleName().contentEquals("onEachCpu")
        && callee.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals(PerCpuApi.GUARD);
  }

  /**
   * A closure stored in the object {@code maker} makes ({@code new Thread(r)}, {@code
   * ThreadLocal.withInitial(s)}) runs where a call of that object runs it ({@code run()}, {@code
   * get()}), as the model's {@link PerCpuApi#heldClosureUse} says: on the made object itself, or
   * through the effectively final local or final field that holds it. Null when no such call is
   * seen here.
   */
  private Reach heldRunReach(TreePath makerPath, ExecutableElement maker, int depth) {
    Tree made = makerPath.getLeaf();
    TreePath up = makerPath.getParentPath();
    while (up != null && up.getLeaf() instanceof ParenthesizedTree) {
      made = up.getLeaf();
      up = up.getParentPath();
    }
    if (up == null) {
      return null;
    }
    List<TreePath> receivers = new ArrayList<>();
    if (up.getLeaf() instanceof MemberSelectTree sel && sel.getExpression() == made) {
      receivers.add(new TreePath(up, made));
    } else if (up.getLeaf() instanceof VariableTree v && v.getInitializer() == made) {
      VariableElement var = TreeUtils.elementFromDeclaration(v);
      boolean holdsOne =
          var != null
              && (var.getKind() == ElementKind.LOCAL_VARIABLE
                  ? factory.isEffectivelyFinal(var)
                  : var.getKind() == ElementKind.FIELD
                      && var.getModifiers().contains(Modifier.FINAL));
      if (holdsOne) {
        receivers.addAll(usesOf(var, enclosingScope(up)));
      }
    }
    Reach r = Reach.NOT_RUN;
    for (TreePath receiver : receivers) {
      TreePath sel = receiver.getParentPath();
      TreePath call = sel == null ? null : sel.getParentPath();
      if (sel != null
          && sel.getLeaf() instanceof MemberSelectTree s
          && s.getExpression() == receiver.getLeaf()
          && call != null
          && call.getLeaf() instanceof MethodInvocationTree invocation
          && invocation.getMethodSelect() == s
          && calleeOf(invocation) != null) {
        ClosureUse use = api.heldClosureUse(maker, calleeOf(invocation));
        if (use.mayRunInsideCaller()) {
          String via = FindingText.heldClosure(maker, line(makerPath.getLeaf()));
          Reach at = reachOf(call, depth + 1).runAt(new EntrySite.RunSite(call.getLeaf(), via));
          r = r.union(use.certainlyInsideCaller() ? at : at.uncertain());
        }
      }
    }
    return r.runs() ? r : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Effects: what a point itself may enter

  /** The allocations the call, constructor call or method reference at {@code point} may enter. */
  Set<EntrySite> effectOf(TreePath point) {
    Tree t = point.getLeaf();
    ExecutableElement callee;
    List<? extends ExpressionTree> args;
    if (t instanceof MethodInvocationTree call) {
      callee = calleeOf(call);
      args = call.getArguments();
    } else if (t instanceof NewClassTree nc) {
      callee = calleeOf(nc);
      args = nc.getArguments();
    } else if (t instanceof MemberReferenceTree ref) {
      callee = calleeOf(ref);
      args = null; // the arguments are the functional interface's, not known here
    } else {
      return Set.of();
    }
    if (callee == null) {
      return Set.of();
    }
    return effectOfCallee(t, callee, args);
  }

  private Set<EntrySite> effectOfCallee(
      Tree t, ExecutableElement callee, List<? extends ExpressionTree> args) {
    MethodRole role = api.roleOf(callee);
    if (role instanceof MethodRole.Entering e) {
      ExpressionTree handle;
      if (e.handle() < 0) {
        handle = receiver(t);
      } else {
        handle = args != null && e.handle() < args.size() ? args.get(e.handle()) : null;
      }
      AllocationIdentity id =
          handle == null
              ? new Unknown(null, "the allocation passed to " + callee.getSimpleName())
              : identityOf(handle);
      return Set.of(new EntrySite(id, t, "", ""));
    }
    EffectSummary s = computedSummary(callee);
    if (s != null) {
      return instantiate(s, callee, t);
    }
    if (isFunctionalCall(callee)) {
      Set<EntrySite> out = new LinkedHashSet<>(declaredOrNothing(callee, t, args));
      if (t instanceof MethodInvocationTree call) {
        out.addAll(functionalCallEffect(call, receiver(call), callee));
      } else if (t instanceof MemberReferenceTree ref) {
        // Runnable::run runs whatever closure it is applied to; r::run runs r.
        out.addAll(functionalCallEffect(ref, receiver(ref), callee));
      }
      return out;
    }
    return externalEffect(callee, t, args);
  }

  /** The abstract method of a functional interface: its calls run closures, followed as such. */
  boolean isFunctionalCall(ExecutableElement callee) {
    return callee.getModifiers().contains(Modifier.ABSTRACT)
        && callee.getEnclosingElement() instanceof TypeElement owner
        && factory.getElementUtils().isFunctionalInterface(owner);
  }

  /**
   * {@code r.run()}: a closure parameter is the caller's business (the method's summary says it
   * invokes it), and a local closure is followed from its declaration. Anything else may be any
   * closure of this class that was stored for later and has a compatible type; a final field
   * initialised with a closure is exactly that closure.
   */
  private Set<EntrySite> functionalCallEffect(
      Tree call, ExpressionTree recv, ExecutableElement callee) {
    if (recv == null) {
      return call instanceof MemberReferenceTree
          ? storedClosuresOfType(call, types.erasure(callee.getEnclosingElement().asType()))
          : Set.of();
    }
    Element e = TreeUtils.elementFromTree(recv);
    if (e != null
        && e.getKind() == ElementKind.PARAMETER
        && e.getEnclosingElement() instanceof ExecutableElement m
        && m.getParameters().contains(e)) {
      return Set.of(); // a method's closure parameter: its summary says it invokes it
    }
    if (e instanceof VariableElement v
        && v.getKind() == ElementKind.LOCAL_VARIABLE
        && factory.isEffectivelyFinal(v)
        && ClosureLiteral.isClosure(localInitializer(v))) {
      return Set.of(); // a local closure: followed from its declaration
    }
    if (e instanceof VariableElement v
        && v.getKind() == ElementKind.FIELD
        && v.getModifiers().contains(Modifier.FINAL)) {
      Tree init = closureInitializer(v);
      if (init != null) {
        Set<EntrySite> out = new LinkedHashSet<>();
        for (EntrySite x : deferredEffects.getOrDefault(init, Set.of())) {
          out.add(new EntrySite(x.id(), call, "the closure in `" + v.getSimpleName() + "`", ""));
        }
        return out;
      }
    }
    if (TreeUtils.withoutParens(recv) instanceof MethodInvocationTree made) {
      Set<EntrySite> returned = returnedClosureEffect(call, made);
      if (returned != null) {
        return returned;
      }
    }
    return storedClosuresOfType(call, types.erasure(TreeUtils.typeOf(recv)));
  }

  /**
   * {@code later().run()}: a method of these classes that no override can replace, and that returns
   * one closure, returns that closure; run here, it runs now, and what it enters is translated to
   * this call's terms, as the Error Prone checks follow it. The closure is stored for later where
   * it is made (it is returned), so its effect is known from there. Null for any other receiver.
   */
  private Set<EntrySite> returnedClosureEffect(Tree call, MethodInvocationTree made) {
    ExecutableElement producer = calleeOf(made);
    TreePath body = producer == null ? null : methods.get(producer);
    if (body == null || !runsOwnBody(producer)) {
      return null;
    }
    Tree closure = onlyReturned(body);
    if (closure == null) {
      return null;
    }
    CallSite site = callSite(producer, made, made.getArguments());
    String returned = FindingText.returnedClosure(producer, line(closure));
    Set<EntrySite> out = new LinkedHashSet<>();
    for (EntrySite x : deferredEffects.getOrDefault(closure, Set.of())) {
      String inside = x.via();
      if (inside.isEmpty()) {
        ExecutableElement entering =
            x.site() instanceof MethodInvocationTree ? calleeOf(x.site()) : null;
        inside = FindingText.innerCall(entering, line(x.site()));
      }
      String via = FindingText.then(returned, inside);
      for (AllocationIdentity id :
          CallSiteTranslation.entered(IdentitySet.of(x.id()), site).members()) {
        out.add(new EntrySite(id, call, via, x.advice(), x.possibleOnly()));
      }
    }
    return out;
  }

  /** The closure the method's only {@code return} returns, without parentheses, or null. */
  private static Tree onlyReturned(TreePath method) {
    List<ReturnTree> returns = OwnReturns.of(((MethodTree) method.getLeaf()).getBody());
    ExpressionTree returned = returns.size() == 1 ? returns.get(0).getExpression() : null;
    return returned != null && ClosureLiteral.isClosure(returned)
        ? TreeUtils.withoutParens(returned)
        : null;
  }

  /** What any closure of the unit stored for later, of a type assignable to recvType, enters. */
  private Set<EntrySite> storedClosuresOfType(Tree call, TypeMirror recvType) {
    Map<Tree, StoredClosure> all = new HashMap<>(earlierDeferred);
    for (Map.Entry<Tree, Set<EntrySite>> d : deferredEffects.entrySet()) {
      TypeMirror t = deferredTypes.computeIfAbsent(d.getKey(), TreeUtils::typeOf);
      if (t != null) {
        all.put(d.getKey(), new StoredClosure(t, d.getValue()));
      }
    }
    Set<EntrySite> out = new LinkedHashSet<>();
    for (StoredClosure c : all.values()) {
      if (!types.isAssignable(types.erasure(c.type()), recvType)) {
        continue;
      }
      for (EntrySite x : c.enters()) {
        out.add(
            new EntrySite(
                x.id(),
                call,
                "a closure stored for later",
                "A closure of this type that enters it is stored for later in this file, and `"
                    + nameOf(call)
                    + "` may run it.",
                true));
      }
    }
    return out;
  }

  private static String nameOf(Tree call) {
    return PerCpuAnnotatedTypeFactory.describe(call);
  }

  /**
   * The method or constructor whose result the receiver of {@code call} is: the receiver itself, or
   * the initialiser of the effectively final local or final field it reads; null when this unit
   * does not show it (a parameter, a field assigned elsewhere), which the model takes as unknown.
   */
  private ExecutableElement receiverMaker(Tree call) {
    ExpressionTree r = receiver(call);
    if (r == null) {
      return null;
    }
    r = TreeUtils.withoutParens(r);
    if ((r instanceof IdentifierTree || r instanceof MemberSelectTree)
        && TreeUtils.elementFromUse(r) instanceof VariableElement v
        && (v.getKind() == ElementKind.LOCAL_VARIABLE
            ? factory.isEffectivelyFinal(v)
            : v.getKind() == ElementKind.FIELD && v.getModifiers().contains(Modifier.FINAL))) {
      Tree init = localInitializer(v);
      r = init instanceof ExpressionTree e ? TreeUtils.withoutParens(e) : null;
    }
    if (r instanceof MethodInvocationTree made) {
      return TreeUtils.elementFromUse(made);
    }
    return r instanceof NewClassTree made ? TreeUtils.elementFromUse(made) : null;
  }

  private Tree localInitializer(VariableElement v) {
    Tree decl = factory.declarationOf(v);
    return decl instanceof VariableTree vt ? vt.getInitializer() : null;
  }

  /** The closure a final field of this class is initialised with, or {@code null}. */
  private Tree closureInitializer(VariableElement field) {
    if (!closureInitializers.containsKey(field)) {
      closureInitializers.put(field, findClosureInitializer(field));
    }
    return closureInitializers.get(field);
  }

  private Tree findClosureInitializer(VariableElement field) {
    Tree[] found = new Tree[1];
    TreePathScanner<Void, Void> scanner =
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree tree, Void unused) {
            if (found[0] == null
                && TreeUtils.elementFromDeclaration(tree) == field
                && tree.getInitializer() != null) {
              Tree init = tree.getInitializer();
              while (init instanceof ParenthesizedTree p) {
                init = p.getExpression();
              }
              if (ClosureLiteral.isClosure(init)) {
                found[0] = init;
              }
            }
            return super.visitVariable(tree, unused);
          }
        };
    for (TreePath classPath : classPaths) {
      scanner.scan(classPath, null);
    }
    return found[0];
  }

  /** A method compiled elsewhere: its {@code @Enters}, or the default. */
  private Set<EntrySite> externalEffect(
      ExecutableElement callee, Tree site, List<? extends ExpressionTree> args) {
    Optional<Set<EntrySite>> declared = declared(callee, site, args);
    if (declared.isPresent()) {
      return declared.get();
    }
    if (DefaultEffects.entersNothing(callee)) {
      return Set.of();
    }
    String advice = FindingText.declareEffectAdvice(qualifiedName(callee));
    Set<EntrySite> out = new LinkedHashSet<>();
    ExpressionTree recv = receiver(site);
    if (recv != null && PerCpuApi.isHandleOrToken(TreeUtils.typeOf(recv))) {
      out.add(new EntrySite(identityOf(recv), site, FindingText.undeclared(callee), advice));
    }
    if (args != null) {
      for (ExpressionTree arg : args) {
        if (PerCpuApi.isHandleOrToken(TreeUtils.typeOf(arg))) {
          out.add(new EntrySite(identityOf(arg), site, FindingText.undeclared(callee), advice));
        }
      }
    }
    return out;
  }

  private Set<EntrySite> declaredOrNothing(
      ExecutableElement callee, Tree site, List<? extends ExpressionTree> args) {
    return declared(callee, site, args).orElse(Set.of());
  }

  private Optional<Set<EntrySite>> declared(
      ExecutableElement callee, Tree site, List<? extends ExpressionTree> args) {
    List<EffectTerm> terms;
    try {
      Optional<List<EffectTerm>> effect = api.declaredEffect(callee);
      if (effect.isEmpty()) {
        return Optional.empty();
      }
      terms = effect.get();
    } catch (IllegalArgumentException e) {
      badEffects.putIfAbsent(callee, e.getMessage());
      return Optional.empty();
    }
    // The model's binder, as in the Error Prone checks. A term it cannot bind at this call ("#1"
    // of a method reference, whose functional interface supplies the argument; "this" on an
    // unqualified call) still enters something: an unknown allocation, so at most "possible".
    CallSite call = callSite(callee, site, args);
    Set<EntrySite> out = new LinkedHashSet<>();
    for (EffectTerm term : terms) {
      IdentitySet ids = EffectTermBinder.bind(term, call, factory.getElementUtils());
      if (ids.isEmpty()) {
        ids = IdentitySet.of(new Unknown(null, term.toString()));
      }
      for (AllocationIdentity id : ids.members()) {
        out.add(new EntrySite(id, site, via(callee), ""));
      }
    }
    return Optional.of(out);
  }

  /**
   * Whether the effect {@code sup} has for its callers, declared or (without {@code @Enters})
   * defaulted, contains {@code id}, an allocation in the terms of {@code m}, a method that {@code
   * sup} is (or that overrides it): its parameters stand for {@code sup}'s of the same index.
   */
  boolean effectContains(ExecutableElement sup, ExecutableElement m, AllocationIdentity id) {
    if (isPerEvaluation(id)) {
      return true; // made anew by each call: no caller can have entered it
    }
    Optional<List<EffectTerm>> declared;
    try {
      declared = api.declaredEffect(sup);
    } catch (IllegalArgumentException e) {
      return true; // reported as enters.invalid where it is declared
    }
    if (declared.isPresent()) {
      return covers(declared.get(), sup, id, m);
    }
    if (parameterIndex(m, id) < 0 && !id.isStable()) {
      // A method result or collection element: no @Enters term can name it, and the default
      // counts it among the handles passed (manual, Soundness 1).
      return !DefaultEffects.entersNothing(sup);
    }
    // The default: every handle passed, nothing of its own; platform methods enter nothing.
    return parameterIndex(m, id) >= 0 && !DefaultEffects.entersNothing(sup);
  }

  /** A fresh site inside a method body: each evaluation allocates anew. */
  private static boolean isPerEvaluation(AllocationIdentity id) {
    return id instanceof Fresh f && f.perEvaluation();
  }

  /**
   * Whether {@code declarer}'s declared {@code @Enters} names {@code id}, an allocation in the
   * terms of {@code m} (the declarer, or an override of it).
   */
  boolean covers(
      List<EffectTerm> declared,
      ExecutableElement declarer,
      AllocationIdentity id,
      ExecutableElement m) {
    int param = parameterIndex(m, id);
    for (EffectTerm term : declared) {
      if (param >= 0) {
        if (term instanceof EffectTerm.Parameter q && q.index() == param + 1) {
          return true;
        }
        continue;
      }
      if (!id.isStable()) {
        return false; // an unknown allocation is not named by any term
      }
      AllocationIdentity named;
      if (term instanceof EffectTerm.Symbol sym) {
        named = new Symbolic(sym.name(), null);
      } else if (term instanceof EffectTerm.Field f) {
        named =
            EffectTermBinder.field(f, declarer, factory.getElementUtils())
                .map(factory::identityOf)
                .orElse(null);
      } else {
        named = null;
      }
      if (id.equals(named)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Identities do not change between fixpoint rounds, and the framework's types are costly. */
  private AllocationIdentity identityOf(ExpressionTree tree) {
    AllocationIdentity id = identities.get(tree);
    if (id == null) {
      id = factory.identityOf(tree);
      identities.put(tree, id);
    }
    return id;
  }

  private static String via(ExecutableElement callee) {
    return FindingText.call(callee);
  }

  static String qualifiedName(ExecutableElement callee) {
    Element owner = callee.getEnclosingElement();
    String o =
        owner instanceof TypeElement t ? t.getQualifiedName().toString() : String.valueOf(owner);
    return o
        + "."
        + (callee.getKind() == ElementKind.CONSTRUCTOR ? "<init>" : callee.getSimpleName());
  }

  private static List<? extends ExpressionTree> arguments(Tree call) {
    if (call instanceof MethodInvocationTree m) {
      return m.getArguments();
    }
    if (call instanceof NewClassTree n) {
      return n.getArguments();
    }
    return List.of();
  }

  /** The explicit receiver expression of a call or method reference, or {@code null}. */
  private static ExpressionTree receiver(Tree t) {
    if (t instanceof MethodInvocationTree call) {
      if (TreeUtils.isSuperConstructorCall(call) || TreeUtils.isThisConstructorCall(call)) {
        return null;
      }
      ExpressionTree recv = TreeUtils.getReceiverTree(call);
      return recv != null && isValue(recv) ? recv : null;
    }
    if (t instanceof MemberReferenceTree ref) {
      ExpressionTree q = ref.getQualifierExpression();
      return isValue(q) ? q : null;
    }
    return null;
  }

  /** Not a type name (as in {@code PerCpu::allocate}) or {@code super}. */
  private static boolean isValue(ExpressionTree t) {
    Element e = TreeUtils.elementFromTree(t);
    if (e == null) {
      return true;
    }
    return !(e.getKind().isClass()
            || e.getKind().isInterface()
            || e.getKind() == ElementKind.PACKAGE)
        && !(t instanceof IdentifierTree id && id.getName().contentEquals("super"));
  }

  /**
   * The method a call, constructor call or method reference invokes, or {@code null} when javac
   * could not resolve it (erroneous code): such points are skipped, never thrown on.
   */
  static ExecutableElement calleeOf(Tree t) {
    try {
      return TreeUtils.elementFromTree(t) instanceof ExecutableElement m ? m : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int indexOf(List<? extends ExpressionTree> args, Tree child) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) == child) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The innermost method, lambda or class that can see a local variable declared at {@code decl}.
   */
  private static TreePath enclosingScope(TreePath decl) {
    for (TreePath p = decl; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree
          || p.getLeaf() instanceof LambdaExpressionTree
          || p.getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return decl;
  }

  /** Every read of {@code var} inside {@code scope}. */
  private static List<TreePath> usesOf(Element var, TreePath scope) {
    List<TreePath> uses = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (TreeUtils.elementFromTree(tree) == var) {
          uses.add(getCurrentPath());
        }
        return null;
      }
    }.scan(scope, null);
    return uses;
  }
}
