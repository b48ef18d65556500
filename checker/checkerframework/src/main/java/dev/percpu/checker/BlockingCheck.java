package dev.percpu.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.percpu.analysis.BlockingFindingText;
import dev.percpu.analysis.BlockingMethods;
import dev.percpu.analysis.FindingText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The blocking effect, in the manner of the GUI Effect Checker: a pinned region (the closure of an
 * entering call, the block of a {@code try} with a {@code CpuGuard} resource, an {@code onEachCpu}
 * action) may not contain a call that may block ({@link BlockingMethods}: the JDK list,
 * {@code @MayBlock}, configured entries, {@code synchronized} methods), a {@code synchronized}
 * statement, nor a call of {@code CpuGuard.onEachCpu}. The effect is computed for lambdas and for
 * private and local or anonymous classes' methods (the unit sees all their callers), and declared
 * with {@code @MayBlock} for every other method: one whose body may block without it is reported at
 * its declaration ({@code blocking.undeclared}), and an override may block only where the method it
 * overrides is declared blocking ({@code override.blocking}), so that a call resolved statically
 * describes every method it may dispatch to.
 *
 * <p>Where a point runs, and under which pins, is the effect analysis's {@link Reach}, one walk for
 * every kind of pin: a closure held in a local, an anonymous object and a closure given to a
 * private method that pins around it are followed into a {@code CpuGuard} block as into a {@code
 * with}. A closure stored, returned or handed to another thread runs unpinned; one handed to a
 * library method whose use is unknown is not reported (a pin that is only "possible"), as in the
 * Error Prone check.
 */
final class BlockingCheck {

  /** What may block at a point, and the unit's methods the path goes through. */
  private record Hit(String what, boolean onEachCpu, String via) {}

  private final BaseTypeChecker checker;
  private final EffectAnalysis analysis;
  private final BlockingMethods blocking;
  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final CompilationUnitTree root;
  private final boolean strict;
  private final Map<ExecutableElement, Optional<Hit>> bodies = new HashMap<>();
  private final Set<ExecutableElement> inProgress = new HashSet<>();

  /** Non-private methods of this class whose undeclared blocking a pinned call here rests on. */
  private final Set<ExecutableElement> reliedUpon = new HashSet<>();

  private final List<MethodTree> declarations = new ArrayList<>();

  BlockingCheck(
      BaseTypeChecker checker,
      EffectAnalysis analysis,
      BlockingMethods blocking,
      Trees trees,
      CompilationUnitTree root,
      boolean strict) {
    this.checker = checker;
    this.analysis = analysis;
    this.blocking = blocking;
    this.trees = trees;
    this.types = checker.getProcessingEnvironment().getTypeUtils();
    this.elements = checker.getProcessingEnvironment().getElementUtils();
    this.root = root;
    this.strict = strict;
  }

  /** Checks every point and method declaration of the class at {@code classPath}. */
  void check(TreePath classPath) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (checker.shouldSkipDefs(tree)) {
          return null;
        }
        return super.visitClass(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        super.visitMethodInvocation(tree, unused);
        point(getCurrentPath());
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        super.visitNewClass(tree, unused);
        point(getCurrentPath());
        return null;
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        super.visitMemberReference(tree, unused);
        point(getCurrentPath());
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree tree, Void unused) {
        super.visitSynchronized(tree, unused);
        point(getCurrentPath());
        return null;
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        super.visitMethod(tree, unused);
        declarations.add(tree);
        return null;
      }
    }.scan(classPath, null);
    // After the points: a declaration is held to @MayBlock once a pinned call here relies on it.
    declarations.forEach(this::declaration);
  }

  private void point(TreePath path) {
    try {
      Hit hit = hitAt(path);
      if (hit == null) {
        noteReliance(path);
        return;
      }
      String pin = pinOf(path);
      if (pin == null) {
        return;
      }
      if (hit.onEachCpu()) {
        checker.reportError(
            path.getLeaf(),
            "oneachcpu.while.pinned",
            BlockingFindingText.onEachCpu(pin, hit.via()));
      } else {
        checker.reportError(
            path.getLeaf(),
            "blocking.while.pinned",
            BlockingFindingText.blocking(hit.what(), pin, hit.via()));
      }
    } catch (RuntimeException e) {
      // Never crash javac: an unanalysable point is reported, not thrown.
      checker.reportError(path.getLeaf(), "analysis.failed", e.toString());
    }
  }

  /**
   * A call of an undeclared non-private method of this unit whose body may block, made while
   * pinned: its declaration is then reported (blocking.undeclared), not the call, as for {@code
   * effect.beyond.default}.
   */
  private void noteReliance(TreePath path) {
    ExecutableElement callee = EffectAnalysis.calleeOf(path.getLeaf());
    if (callee == null
        || EffectAnalysis.isComputed(callee)
        || checker.shouldSkipUses(callee)
        || trees.getPath(callee) == null) {
      return;
    }
    Hit body = bodyHit(callee);
    if (body != null && !body.onEachCpu() && pinOf(path) != null) {
      reliedUpon.add(callee);
    }
  }

  private void declaration(MethodTree tree) {
    try {
      ExecutableElement m = TreeUtils.elementFromDeclaration(tree);
      if (m == null || tree.getBody() == null) {
        return;
      }
      Optional<String> declared = blocking.describe(m, types, elements);
      Hit body = bodyHit(m);
      if (declared.isEmpty()
          && body != null
          && !body.onEachCpu()
          && needsDeclaration(m)
          && (strict || reliedUpon.contains(m))) {
        checker.reportError(
            tree, "blocking.undeclared", EffectAnalysis.qualifiedName(m), describe(body));
      }
      pinnedClosureParameters(tree, m);
      String mine = declared.orElse(body == null || body.onEachCpu() ? null : describe(body));
      if (mine == null) {
        return;
      }
      for (ExecutableElement sup : analysis.overriddenBy(m)) {
        if (blocking.describe(sup, types, elements).isEmpty()) {
          checker.reportError(
              tree,
              "override.blocking",
              EffectAnalysis.qualifiedName(m),
              mine,
              EffectAnalysis.qualifiedName(sup));
        }
      }
    } catch (RuntimeException e) {
      checker.reportError(tree, "analysis.failed", e.toString());
    }
  }

  /**
   * A method that runs a closure parameter under a pin of its own, where callers read only a
   * declaration: a non-private method (callers in other files; with {@code -ApercpuStrict}, as
   * {@code blocking.undeclared} checks them), and any override (callers of the method it overrides,
   * through dynamic dispatch, which may be in this file). The declaration says the closure runs
   * during the call and nothing about a pin, so a blocking call in a lambda they pass would go
   * unreported: the method is reported instead, unless the declaration they read already pins the
   * closure (declared entries, {@link EffectAnalysis#declarationPins}). Callers in this class that
   * call it by name follow its body ({@link EffectAnalysis#pinsAround}). Only functional interface
   * parameters can take a lambda or a method reference; an object of any other class that blocks in
   * an override is {@code override.blocking} already.
   */
  private void pinnedClosureParameters(MethodTree tree, ExecutableElement m) {
    List<ExecutableElement> read = analysis.overriddenBy(m);
    if (read.isEmpty() && (EffectAnalysis.isComputed(m) || !strict)) {
      // Private, or of a local or anonymous class: every caller is followed here. Otherwise the
      // callers in other files are what only strict mode checks, as for blocking.undeclared:
      // taking a Supplier or a Consumer and calling it inside a with() is too common a clean
      // shape to reject by default.
      return;
    }
    List<? extends VariableElement> params = m.getParameters();
    for (int k = 0; k < params.size(); k++) {
      if (!analysis.isFunctionalInterface(params.get(k).asType()) || declarationsPin(m, read, k)) {
        continue;
      }
      for (Pin p : analysis.pinsAround(m, k)) {
        if (!p.possibleOnly()) {
          checker.reportError(
              tree,
              "pins.closure.parameter",
              nameOf(m),
              params.get(k).getSimpleName(),
              words(p.withinHolder()),
              read.isEmpty()
                  ? "callers in other files"
                  : "callers of "
                      + EffectAnalysis.qualifiedName(read.get(0))
                      + ", the method it overrides,",
              fixes(m, read, p));
          break;
        }
      }
    }
  }

  /** Whether every declaration a caller may read for {@code m} pins closure parameter k. */
  private boolean declarationsPin(ExecutableElement m, List<ExecutableElement> read, int k) {
    if (read.isEmpty()) {
      return analysis.declarationPins(m, k);
    }
    for (ExecutableElement sup : read) {
      if (!analysis.declarationPins(sup, k)) {
        return false;
      }
    }
    return !EffectAnalysis.isComputed(m) ? analysis.declarationPins(m, k) : true;
  }

  /** An override's callers may be anywhere: only running the closure unpinned helps. */
  private static String fixes(ExecutableElement m, List<ExecutableElement> read, Pin pin) {
    if (!read.isEmpty()) {
      return "Run the closure after the pin";
    }
    String self =
        m.getKind() == ElementKind.CONSTRUCTOR ? "the constructor" : m.getSimpleName() + "()";
    // An entering pin can be declared: callers then take the closure to run inside the entry.
    ExecutableElement pinning =
        pin.site() instanceof TryTree ? null : EffectAnalysis.calleeOf(pin.site());
    boolean entering = pinning != null && !EffectAnalysis.isOnEachCpu(pinning);
    return "Run the closure after the pin, "
        + (entering ? "declare the allocation it enters with @Enters, " : "")
        + "make "
        + self
        + " private, or, if every caller is in this top-level class (the checker follows those),"
        + " suppress this with @SuppressWarnings(\"percpu\")";
  }

  /** The method's qualified name; an anonymous or local class has none, so its method is named. */
  private static String nameOf(ExecutableElement m) {
    if (m.getEnclosingElement() instanceof TypeElement t && t.getQualifiedName().length() == 0) {
      return "`"
          + m.getSimpleName()
          + "` of "
          + (t.getSimpleName().length() == 0
              ? "an anonymous class"
              : "local class " + t.getSimpleName());
    }
    return EffectAnalysis.qualifiedName(m);
  }

  /**
   * Computed methods are described by their bodies; {@code main} is called by the launcher, never
   * while pinned.
   */
  private static boolean needsDeclaration(ExecutableElement m) {
    if (EffectAnalysis.isComputed(m)) {
      return false;
    }
    return !(m.getSimpleName().contentEquals("main")
        && m.getModifiers().contains(Modifier.STATIC)
        && m.getParameters().size() == 1);
  }

  private static String describe(Hit h) {
    return h.via().isEmpty() ? h.what() : h.what() + " via " + h.via();
  }

  /** What may block at the point itself, or {@code null}. */
  private Hit hitAt(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof SynchronizedTree) {
      return new Hit(BlockingFindingText.SYNCHRONIZED_BLOCK, false, "");
    }
    ExecutableElement callee = EffectAnalysis.calleeOf(leaf);
    if (callee == null || checker.shouldSkipUses(callee)) {
      return null;
    }
    if (EffectAnalysis.isOnEachCpu(callee)) {
      return new Hit(BlockingFindingText.ON_EACH_CPU, true, "");
    }
    Optional<String> what = blocking.describe(callee, receiverType(leaf), types, elements);
    if (what.isPresent()) {
      return new Hit(what.get(), false, "");
    }
    if (EffectAnalysis.isComputed(callee)) {
      Hit inner = bodyHit(callee);
      if (inner != null) {
        String via = FindingText.call(callee);
        return new Hit(
            inner.what(),
            inner.onEachCpu(),
            inner.via().isEmpty() ? via : via + ", " + inner.via());
      }
    }
    return null;
  }

  /**
   * The first point of the body of a method of this unit that may block while the method runs (not
   * in a closure that runs later), or {@code null}; a recursive cycle adds nothing.
   */
  private Hit bodyHit(ExecutableElement m) {
    Optional<Hit> known = bodies.get(m);
    if (known != null) {
      return known.orElse(null);
    }
    TreePath methodPath = trees.getPath(m);
    if (methodPath == null
        || methodPath.getCompilationUnit() != root
        || !(methodPath.getLeaf() instanceof MethodTree mt)
        || mt.getBody() == null
        || !inProgress.add(m)) {
      return null;
    }
    Hit[] found = new Hit[1];
    try {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void scan(Tree tree, Void unused) {
          return found[0] != null ? null : super.scan(tree, unused);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          return null; // a local or anonymous class's methods run when its object is used
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          return runsNow(getCurrentPath()) ? super.visitLambdaExpression(tree, unused) : null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          super.visitMethodInvocation(tree, unused);
          found(getCurrentPath());
          return null;
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
          super.visitNewClass(tree, unused);
          found(getCurrentPath());
          return null;
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
          super.visitMemberReference(tree, unused);
          if (runsNow(getCurrentPath())) {
            found(getCurrentPath());
          }
          return null;
        }

        @Override
        public Void visitSynchronized(SynchronizedTree tree, Void unused) {
          found(getCurrentPath());
          return super.visitSynchronized(tree, unused);
        }

        private void found(TreePath p) {
          if (found[0] == null) {
            found[0] = hitAt(p);
          }
        }
      }.scan(new TreePath(methodPath, mt.getBody()), null);
    } finally {
      inProgress.remove(m);
    }
    bodies.put(m, Optional.ofNullable(found[0]));
    return found[0];
  }

  /**
   * Whether a closure runs while the code that makes it runs (not stored, not on another thread).
   */
  private boolean runsNow(TreePath closure) {
    Reach r = analysis.reachOfClosure(closure);
    return r.runs() && r.root() != closure.getLeaf();
  }

  /**
   * The pin the point runs under, in the words of {@link BlockingFindingText}, or {@code null}: the
   * outermost pin of its reach names the region, as in the Error Prone check, since it is held the
   * longest. A pin the point is under only if a closure of unknown use runs now is not reported.
   */
  private String pinOf(TreePath path) {
    Reach reach = analysis.reachOfPoint(path);
    if (!reach.runs()) {
      return null;
    }
    for (Pin p : reach.pins()) {
      if (!p.possibleOnly()) {
        return words(p);
      }
    }
    return null;
  }

  private String words(Pin pin) {
    Tree site = pin.site();
    String words;
    if (site instanceof TryTree) {
      words = BlockingFindingText.guardPin(line(site));
    } else {
      ExecutableElement pinning = EffectAnalysis.calleeOf(site);
      if (pinning == null) {
        words = "the pin at line " + line(site);
      } else if (EffectAnalysis.isOnEachCpu(pinning)) {
        words = BlockingFindingText.onEachCpuPin(line(site));
      } else {
        words = BlockingFindingText.enteringPin(pinning, line(site));
      }
    }
    for (ExecutableElement holder : pin.through()) {
      words = BlockingFindingText.pinInside(holder, words);
    }
    return words;
  }

  private static TypeMirror receiverType(Tree leaf) {
    if (leaf instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree sel) {
      return TreeUtils.typeOf(sel.getExpression());
    }
    if (leaf instanceof MemberReferenceTree ref) {
      return TreeUtils.typeOf(ref.getQualifierExpression());
    }
    return null;
  }

  private int line(Tree site) {
    return analysis.line(site);
  }

  static List<String> specs(String option) {
    return option == null || option.isBlank() ? List.of() : List.of(option.split(","));
  }
}
