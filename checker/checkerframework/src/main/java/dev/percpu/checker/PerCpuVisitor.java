package dev.percpu.checker;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Variable;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.analysis.EffectTerm;
import dev.percpu.analysis.FindingText;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.NestedParameters;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.UnitRelevance;
import dev.percpu.analysis.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.common.basetype.BaseTypeVisitor;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Reports nested entries at the inner call: for every call, constructor call and method reference,
 * the allocations it may enter ({@link EffectAnalysis#effectOf}) are compared with the allocations
 * entered around it ({@link EffectAnalysis#reachOfPoint}). A compilation unit that never touches
 * the per-CPU API is skipped before any type checking.
 */
public class PerCpuVisitor extends BaseTypeVisitor<PerCpuAnnotatedTypeFactory> {

  private CompilationUnitTree analysedRoot;
  private boolean relevant;

  /** Whether the unit writes, or calls methods declaring, allocation qualifiers. */
  private boolean typeChecks;

  private EffectAnalysis analysis;
  private TreePath currentClass;
  private final Map<ExecutableElement, EffectSummary> unitSummaries = new HashMap<>();
  private final Map<Tree, StoredClosure> unitStoredClosures = new HashMap<>();
  private final Set<ExecutableElement> reportedBadEffects = new HashSet<>();
  private boolean apiErrorReported;
  private UnitRelevance relevance;

  public PerCpuVisitor(BaseTypeChecker checker) {
    super(checker);
  }

  private PerCpuChecker percpu() {
    return (PerCpuChecker) checker;
  }

  /**
   * The shared cheap exit; made once per compilation, as it caches what it learnt about packages.
   */
  private UnitRelevance relevance() {
    if (relevance == null) {
      relevance = new UnitRelevance(percpu().api(), elements, EffectAnalysis::calleeOf);
    }
    return relevance;
  }

  @Override
  public void visit(TreePath path) {
    CompilationUnitTree cu = path.getCompilationUnit();
    if (cu != analysedRoot) {
      analysedRoot = cu;
      unitSummaries.clear();
      unitStoredClosures.clear();
      reportedBadEffects.clear();
      relevant = relevance().concernsPerCpu(cu);
      typeChecks = relevant && writesQualifiers(cu);
      String apiError = percpu().apiError();
      if (apiError != null && !apiErrorReported) {
        // Once per compilation, whether or not this unit uses the API: the option itself is wrong.
        apiErrorReported = true;
        checker.reportError(path.getLeaf(), "api.spec.invalid", apiError);
      }
    }
    if (!relevant) {
      return; // the cheap path: no flow analysis, no type checking
    }
    analysis = null;
    currentClass = path;
    if (typeChecks) {
      super.visit(path);
    } else {
      checkEffectsOnly(path);
    }
    try {
      new BlockingCheck(
              checker, analysis(), percpu().blockingMethods(), trees, root, percpu().strict())
          .check(path);
    } catch (RuntimeException e) {
      checker.reportError(path.getLeaf(), "analysis.failed", e.toString());
    }
  }

  /**
   * Where no allocation qualifier is written (in the unit, or on the methods it calls), every type
   * is {@code @UnknownAllocation} and no subtyping check can fail; the framework's per-tree type
   * checks are then skipped, and only the flow analysis and the effect checks run. This is most of
   * the checker's cost on code that uses the API without qualifiers.
   */
  private void checkEffectsOnly(TreePath classPath) {
    if (assignsHandleVariables((ClassTree) classPath.getLeaf())) {
      atypeFactory.preProcessClassTree((ClassTree) classPath.getLeaf());
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (checker.shouldSkipDefs(tree)) {
          return null; // -AskipDefs / -AonlyDefs, as the framework's own visitor honours them
        }
        return super.visitClass(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        super.visitMethodInvocation(tree, unused);
        checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        super.visitNewClass(tree, unused);
        checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
        return null;
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        super.visitMemberReference(tree, unused);
        checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
        return null;
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        super.visitMethod(tree, unused);
        try {
          checkDeclaration(tree);
        } catch (RuntimeException e) {
          checker.reportError(tree, "analysis.failed", e.toString());
        }
        return null;
      }
    }.scan(classPath, null);
  }

  /**
   * The effect analysis of the class being checked. javac hands the top-level classes of a unit
   * over one at a time, attributed, and may lower a class before the next one is attributed; so
   * each top-level class is analysed when it arrives, with the closures that the unit's earlier
   * classes stored for later. No later class is needed: what a class calls of another is described
   * by its {@code @Enters} or the default, and checked there.
   */
  private EffectAnalysis analysis() {
    if (analysis == null) {
      if (typeChecks || assignsHandleVariables((ClassTree) currentClass.getLeaf())) {
        atypeFactory.preProcessClassTree((ClassTree) currentClass.getLeaf());
      }
      analysis =
          new EffectAnalysis(
              atypeFactory, List.of(currentClass), unitSummaries, unitStoredClosures);
      unitStoredClosures.putAll(analysis.storedClosures());
      if (!analysis.converged()) {
        checker.reportError(
            currentClass.getLeaf(),
            "analysis.failed",
            "the effects of its methods did not converge");
      }
      // Summaries of later classes are recomputed, with their flow facts, when they arrive.
      for (Map.Entry<ExecutableElement, EffectSummary> e : analysis.summaries().entrySet()) {
        if (isIn(e.getKey(), (ClassTree) currentClass.getLeaf())) {
          unitSummaries.put(e.getKey(), e.getValue());
        }
      }
    }
    return analysis;
  }

  /**
   * Whether the class assigns a handle or token to a local, a parameter or a non-final field: only
   * then does the framework's flow analysis add anything to the identities (an initialised final
   * local is resolved through its initialiser, and conditionals and clones are typed without flow).
   * Skipping it elsewhere is most of the checker's cost on code that uses the API.
   */
  private static boolean assignsHandleVariables(ClassTree ct) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }

          @Override
          public Boolean visitAssignment(AssignmentTree tree, Void unused) {
            Element target = TreeUtils.elementFromTree(tree.getVariable());
            if (target != null
                && (target.getKind() == ElementKind.LOCAL_VARIABLE
                    || target.getKind() == ElementKind.PARAMETER
                    || (target.getKind() == ElementKind.FIELD
                        && !target.getModifiers().contains(Modifier.FINAL)))
                && PerCpuApi.isHandleOrToken(target.asType())) {
              return true;
            }
            return super.visitAssignment(tree, unused);
          }
        }.scan(ct, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean isIn(ExecutableElement m, ClassTree ct) {
    TypeElement top = TreeUtils.elementFromDeclaration(ct);
    for (Element e = m; e != null; e = e.getEnclosingElement()) {
      if (e.equals(top)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void p) {
    Void r = super.visitMethodInvocation(tree, p);
    checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
    return r;
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void p) {
    Void r = super.visitNewClass(tree, p);
    checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
    return r;
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void p) {
    Void r = super.visitMemberReference(tree, p);
    checkPoint(tree, EffectAnalysis.calleeOf(tree), getCurrentPath());
    return r;
  }

  @Override
  public void processMethodTree(String className, MethodTree tree) {
    super.processMethodTree(className, tree);
    try {
      checkDeclaration(tree);
    } catch (RuntimeException e) {
      checker.reportError(tree, "analysis.failed", e.toString());
    }
  }

  private void checkPoint(Tree tree, ExecutableElement callee, TreePath current) {
    if (callee == null || checker.shouldSkipUses(callee)) {
      return;
    }
    try {
      EffectAnalysis a = analysis();
      TreePath path = current;
      if (path == null || path.getLeaf() != tree) {
        path = TreePath.getPath(root, tree);
      }
      Set<EntrySite> effect = a.effectOf(path);
      reportBadEffect(tree, callee, a);
      boolean definite = false;
      if (!effect.isEmpty()) {
        Reach reach = a.reachOfPoint(path);
        if (reach.runs() && !reach.entered().isEmpty()) {
          definite = report(tree, effect, reach.entered());
        }
      }
      if (!definite) {
        reportHelperNesting(tree, callee, path, a);
      }
    } catch (RuntimeException e) {
      // Never crash javac: an unanalysable point is reported, not thrown.
      checker.reportError(tree, "analysis.failed", e.toString());
    }
  }

  /**
   * A call of a helper that nests two of its own parameters, with arguments that are one
   * allocation: definite here, whatever is entered around the call ({@link NestedParameters}).
   */
  private void reportHelperNesting(
      Tree tree, ExecutableElement callee, TreePath path, EffectAnalysis a) {
    for (Map.Entry<HelperNesting, NestedParameters.AtCall> found :
        a.definiteHelperNestingsAt(path)) {
      HelperNesting n = found.getKey();
      String inside = n.innerVia();
      if (inside.isEmpty()) {
        inside = FindingText.innerCall(EffectAnalysis.calleeOf(n.innerSite()), line(n.innerSite()));
      }
      List<ExecutableElement> through = n.through();
      for (int k = through.size() - 1; k >= 0; k--) {
        inside = FindingText.through(through.get(k), inside);
      }
      checker.reportError(
          tree,
          "nested.entry",
          found.getValue().inner().describe(),
          outerCall(n.outerSite()),
          line(n.outerSite()),
          FindingText.via(FindingText.through(callee, inside)));
      return;
    }
  }

  /**
   * Reports the strongest nesting of the point against the entries where it is written, and of each
   * call that runs it as a held closure against the entries around that call, there (the call that
   * makes the entry nested, where the Error Prone checks and the runtime's stack point); whether a
   * definite nesting was reported at the point itself.
   */
  private boolean report(Tree tree, Set<EntrySite> effect, Set<EntrySite> entered) {
    Map<EntrySite.RunSite, Set<EntrySite>> byRunSite = new LinkedHashMap<>();
    Set<EntrySite> here = new LinkedHashSet<>();
    for (EntrySite e : entered) {
      if (e.runAt() == null) {
        here.add(e);
      } else {
        byRunSite.computeIfAbsent(e.runAt(), k -> new LinkedHashSet<>()).add(e);
      }
    }
    boolean definite = !here.isEmpty() && report(tree, effect, here, null);
    for (Map.Entry<EntrySite.RunSite, Set<EntrySite>> g : byRunSite.entrySet()) {
      report(tree, effect, g.getValue(), g.getKey());
    }
    return definite;
  }

  /**
   * Reports the strongest nesting of the point against {@code entered}, at {@code runAt}'s call
   * when it is given; whether it was definite.
   */
  private boolean report(
      Tree tree, Set<EntrySite> effect, Set<EntrySite> entered, EntrySite.RunSite runAt) {
    Types types = atypeFactory.getProcessingEnv().getTypeUtils();
    EntrySite maybeInner = null;
    EntrySite maybeOuter = null;
    for (EntrySite inner : effect) {
      for (EntrySite outer : entered) {
        Verdict v =
            Verdict.of(inner.id(), outer.id(), types)
                .ifCertain(!inner.possibleOnly() && !outer.possibleOnly());
        if (v == Verdict.DEFINITE) {
          checker.reportError(
              runAt == null ? tree : runAt.at(),
              "nested.entry",
              inner.id().describe(),
              outerCall(outer),
              line(outer.site()),
              FindingText.via(path(tree, inner, runAt)));
          return true;
        }
        if (v == Verdict.POSSIBLE && maybeInner == null) {
          maybeInner = inner;
          maybeOuter = outer;
        }
      }
    }
    if (maybeInner != null) {
      checker.reportError(
          runAt == null ? tree : runAt.at(),
          "possible.nested.entry",
          maybeInner.id().describe(),
          outerCall(maybeOuter),
          line(maybeOuter.site()),
          maybeOuter.id().describe(),
          FindingText.via(path(tree, maybeInner, runAt)),
          maybeInner.advice().isEmpty() ? FindingText.DISTINCT_ADVICE : maybeInner.advice());
    }
    return false;
  }

  /**
   * The path from where a finding is reported to the inner entry: the inner entry's own, after the
   * held closure's when the finding is reported at the call that runs it.
   */
  private String path(Tree point, EntrySite inner, EntrySite.RunSite runAt) {
    if (runAt == null) {
      return inner.via();
    }
    String here = inner.via();
    if (here.isEmpty()) {
      ExecutableElement m =
          point instanceof MethodInvocationTree ? EffectAnalysis.calleeOf(point) : null;
      here = FindingText.innerCall(m, line(point));
    }
    return FindingText.then(runAt.via(), here);
  }

  /** How a finding names the call of an outer entry: {@code `with`}, or the helper it is in. */
  private String outerCall(EntrySite outer) {
    return outerCall(outer.site());
  }

  private String outerCall(Tree site) {
    ExecutableElement m = EffectAnalysis.calleeOf(site);
    if (m == null) {
      return "call";
    }
    return atypeFactory.api().roleOf(m) instanceof MethodRole.Entering
        ? FindingText.entering(m)
        : FindingText.call(m);
  }

  private void reportBadEffect(Tree tree, ExecutableElement callee, EffectAnalysis a) {
    String bad = a.badEffects().get(callee);
    if (bad != null && reportedBadEffects.add(callee)) {
      checker.reportError(tree, "enters.invalid", EffectAnalysis.qualifiedName(callee), bad);
    }
  }

  /**
   * Checks a method's body against the effect its callers use, in the manner of the GUI Effect
   * Checker: a declared {@code @Enters} must cover the body, an override must stay within every
   * method it overrides, and a method without {@code @Enters} must keep to the default. Private
   * methods and methods of anonymous and local classes are exempt from the last: their callers use
   * the computed effect.
   */
  private void checkDeclaration(MethodTree tree) {
    ExecutableElement m = TreeUtils.elementFromDeclaration(tree);
    if (m == null) {
      return;
    }
    PerCpuApi api = atypeFactory.api();
    Optional<List<EffectTerm>> declared;
    try {
      declared = api.declaredEffect(m);
    } catch (IllegalArgumentException e) {
      reportedBadEffects.add(m);
      checker.reportError(tree, "enters.invalid", EffectAnalysis.qualifiedName(m), e.getMessage());
      return;
    }
    if (tree.getBody() == null) {
      return;
    }
    EffectSummary s = analysis().summaryOf(m);
    if (s == null) {
      return;
    }
    checkOverrides(tree, m, s);
    if (declared.isPresent()) {
      checkDeclaredEffectCovers(tree, m, s, declared.get());
      return;
    }
    MethodRole role = api.roleOf(m);
    if (EffectAnalysis.isComputed(m)
        || role instanceof MethodRole.Entering
        || role instanceof MethodRole.InvokesClosure) {
      return; // computed for callers, or described by a trusted role annotation
    }
    Set<Modifier> mods = m.getModifiers();
    if (percpu().strict()
        && (mods.contains(Modifier.PUBLIC) || mods.contains(Modifier.PROTECTED))) {
      if (!s.isEmpty()) {
        checker.reportError(
            tree, "effect.undeclared", EffectAnalysis.qualifiedName(m), suggestion(s, m));
      }
      return;
    }
    // A followed method needs no declaration for callers here; in strict mode a package-private
    // one is still held to the default where the file relies on it, since the strict check above
    // covers only public and protected methods and other files of the package read the default.
    if (analysis().isReliedUpon(m) && (!analysis().followsBody(m) || percpu().strict())) {
      checkWithinDefault(tree, m);
    }
  }

  /**
   * A method without {@code @Enters} whose effect a verdict in this unit rests on ({@link
   * EffectAnalysis#isReliedUpon}): those callers assumed the default (it enters the handles passed
   * to it, and runs the closures passed to it before it returns), so the body must keep to it.
   * Methods called only outside every entry ({@code main}, entry points) are left to strict mode,
   * which checks every visible one for the callers in other files.
   */
  private void checkWithinDefault(MethodTree tree, ExecutableElement m) {
    Set<String> missing = new LinkedHashSet<>();
    for (AllocationIdentity id : analysis().beyondDefault(m)) {
      missing.add(term(id, m));
    }
    List<Integer> stored = analysis().storedClosureParameters(m);
    if (missing.isEmpty() && stored.isEmpty()) {
      return;
    }
    List<String> what = new ArrayList<>();
    List<String> fix = new ArrayList<>();
    if (!missing.isEmpty()) {
      what.add("enter " + String.join(", ", missing));
      fix.add("@Enters({" + String.join(", ", missing) + "})");
    }
    if (!stored.isEmpty()) {
      StringJoiner params = new StringJoiner(", ");
      stored.forEach(k -> params.add("#" + (k + 1)));
      what.add("store or hand on closure parameter " + params);
      fix.add("@Deferred on parameter " + params);
    }
    checker.reportError(
        tree,
        "effect.beyond.default",
        EffectAnalysis.qualifiedName(m),
        String.join(" and ", what),
        String.join(" and ", fix));
  }

  /**
   * An override's effect must be within the effect of every method it overrides: a call resolved to
   * the overridden method may run it, and its caller reads only the overridden method's effect. An
   * anonymous class implementing a functional interface is a closure, followed where the object is
   * passed instead.
   */
  private void checkOverrides(MethodTree tree, ExecutableElement m, EffectSummary s) {
    if (s.isEmpty()) {
      return;
    }
    boolean anonymous =
        m.getEnclosingElement() instanceof TypeElement owner
            && owner.getNestingKind() == NestingKind.ANONYMOUS;
    for (ExecutableElement sup : analysis().overriddenBy(m)) {
      if (anonymous && analysis().isFunctionalCall(sup)) {
        continue; // a closure: followed where the object is passed, like a lambda
      }
      MethodRole role = atypeFactory.api().roleOf(sup);
      if (role instanceof MethodRole.Entering || role instanceof MethodRole.InvokesClosure) {
        continue; // a trusted description of the overridden method's contract
      }
      Set<String> missing = new LinkedHashSet<>();
      for (AllocationIdentity id : EffectAnalysis.identitiesOf(s)) {
        if (!analysis().effectContains(sup, m, id)) {
          missing.add(term(id, m));
        }
      }
      if (!missing.isEmpty()) {
        checker.reportError(
            tree,
            "override.effect",
            EffectAnalysis.qualifiedName(m),
            String.join(", ", missing),
            EffectAnalysis.qualifiedName(sup));
        return;
      }
    }
  }

  /**
   * Everything a summary enters, on its own or around a closure it invokes, in the method's own
   * terms.
   */
  private static String suggestion(EffectSummary s, ExecutableElement m) {
    StringJoiner terms = new StringJoiner(", ", "@Enters({", "})");
    Set<String> seen = new LinkedHashSet<>();
    for (AllocationIdentity id : EffectAnalysis.identitiesOf(s)) {
      seen.add(term(id, m));
    }
    seen.forEach(terms::add);
    String suggestion = terms.toString();
    if (!s.invokedParameters().isEmpty()) {
      StringJoiner idx = new StringJoiner(", ", "@InvokesClosure({", "})");
      for (Integer k : s.invokedParameters()) {
        idx.add(String.valueOf(k));
      }
      suggestion = suggestion + " and " + idx;
    }
    return suggestion;
  }

  /**
   * Callers in other files trust a declared {@code @Enters}, so it must cover what the body may
   * enter (directly, through callees, or around the closures it invokes).
   */
  private void checkDeclaredEffectCovers(
      MethodTree tree, ExecutableElement m, EffectSummary s, List<EffectTerm> declared) {
    Set<String> missing = new LinkedHashSet<>();
    for (AllocationIdentity id : EffectAnalysis.identitiesOf(s)) {
      if (!analysis().covers(declared, m, id, m)) {
        missing.add(term(id, m));
      }
    }
    if (!missing.isEmpty()) {
      checker.reportError(
          tree, "effect.not.declared", EffectAnalysis.qualifiedName(m), String.join(", ", missing));
    }
  }

  /** The {@code @Enters} term that names {@code id}, in the terms of {@code m}. */
  private static String term(AllocationIdentity id, ExecutableElement m) {
    int param = EffectAnalysis.parameterIndex(m, id);
    if (param >= 0) {
      return "\"#" + (param + 1) + "\"";
    }
    if (id instanceof Symbolic s) {
      return "\"symbol:" + s.name() + "\"";
    }
    if (id instanceof Variable v && v.isField()) {
      return "\"" + v.variable().getSimpleName() + "\"";
    }
    if (id instanceof Fresh f && !f.label().isEmpty()) {
      return "\"" + f.label() + "\"";
    }
    return "\"" + id.describe() + "\"";
  }

  private int line(Tree site) {
    return analysis().line(site);
  }

  /**
   * Whether an allocation qualifier is written in the unit, or appears in the signature of a method
   * it calls: only then can a subtyping check fail.
   */
  private static boolean writesQualifiers(CompilationUnitTree cu) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }

          @Override
          public Boolean visitAnnotation(AnnotationTree tree, Void unused) {
            String name = tree.getAnnotationType().toString();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            if (QUALIFIER_NAMES.contains(simple)) {
              return true;
            }
            return super.visitAnnotation(tree, unused);
          }

          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            if (signatureHasQualifier(EffectAnalysis.calleeOf(tree))) {
              return true;
            }
            return super.visitMethodInvocation(tree, unused);
          }

          @Override
          public Boolean visitNewClass(NewClassTree tree, Void unused) {
            if (signatureHasQualifier(EffectAnalysis.calleeOf(tree))) {
              return true;
            }
            return super.visitNewClass(tree, unused);
          }
        }.scan(cu, null);
    return Boolean.TRUE.equals(found);
  }

  private static final Set<String> QUALIFIER_NAMES =
      Set.of("Allocation", "UnknownAllocation", "AllocationBottom");

  private static boolean signatureHasQualifier(ExecutableElement m) {
    if (m == null) {
      return false;
    }
    if (hasQualifier(m.getReturnType())) {
      return true;
    }
    for (var p : m.getParameters()) {
      if (hasQualifier(p.asType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasQualifier(TypeMirror t) {
    for (var a : t.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().startsWith("dev.percpu.qual.")) {
        return true;
      }
    }
    if (t instanceof DeclaredType d) {
      for (TypeMirror arg : d.getTypeArguments()) {
        if (hasQualifier(arg)) {
          return true;
        }
      }
    }
    return false;
  }
}
