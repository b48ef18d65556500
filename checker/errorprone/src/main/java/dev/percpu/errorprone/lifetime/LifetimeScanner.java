package dev.percpu.errorprone.lifetime;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.errorprone.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javax.lang.model.element.ElementKind;

/**
 * The lifetime checks of one compilation unit, in one walk: guards not closed by
 * try-with-resources, guards and tokens that outlive their guard (stored in a field or a
 * collection, returned, or captured by a closure that runs later or on another thread), and,
 * through {@link ValueEscapes}, values handed to an entering closure that outlive the closure.
 */
public final class LifetimeScanner extends TreePathScanner<Void, Void> {

  static final Set<String> COLLECTION_FACTORIES =
      Set.of("java.util.List", "java.util.Set", "java.util.Map", "java.util.Arrays");

  private final PerCpuApi api;
  private final BiFunction<MethodSymbol, Integer, ClosureUse> closureUse;
  private final List<Finding> findings = new ArrayList<>();

  /**
   * Closures held in locals, so that handing the local to another thread is judged like the
   * closure.
   */
  private final Map<VarSymbol, TreePath> closureLocals = new HashMap<>();

  private final ValueEscapes valueEscapes;

  public LifetimeScanner(PerCpuApi api, BiFunction<MethodSymbol, Integer, ClosureUse> closureUse) {
    this.api = api;
    this.closureUse = closureUse;
    this.valueEscapes = new ValueEscapes(closureUse, findings::add);
  }

  public static List<Finding> run(
      CompilationUnitTree unit,
      PerCpuApi api,
      BiFunction<MethodSymbol, Integer, ClosureUse> closureUse) {
    LifetimeScanner s = new LifetimeScanner(api, closureUse);
    s.scan(new TreePath(unit), null);
    return s.findings;
  }

  // ---- guards not closed ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    MethodSymbol m = ASTHelpers.getSymbol(node);
    if (m != null) {
      Type returned = m.getReturnType();
      if (returned != null
          && PerCpuApi.isGuard(returned)
          && m.isStatic()
          && !isTryResource(getCurrentPath())
          && !(parent() instanceof ReturnTree)) {
        report(
            Finding.Kind.GUARD_NOT_CLOSED,
            getCurrentPath(),
            "The CpuGuard from `"
                + m.getSimpleName()
                + "()` is not closed by try-with-resources: an exception"
                + " or an early return leaves the thread pinned. Write `try (CpuGuard g = "
                + m.owner.getSimpleName()
                + "."
                + m.getSimpleName()
                + "()) { ... }`.");
      }
      if (!keepsLocally(m, ASTHelpers.getReceiver(node))) {
        checkStoredArguments(m, node.getArguments());
      }
      MethodRole role = api.roleOf(m);
      if (role instanceof MethodRole.Entering e
          && e.closure() >= 0
          && e.closure() < node.getArguments().size()) {
        valueEscapes.check(getCurrentPath(), m, node.getArguments().get(e.closure()));
      }
    }
    return super.visitMethodInvocation(node, null);
  }

  @Override
  public Void visitNewClass(NewClassTree node, Void unused) {
    MethodSymbol ctor = ASTHelpers.getSymbol(node);
    if (ctor != null) {
      checkStoredArguments(ctor, node.getArguments());
    }
    return super.visitNewClass(node, null);
  }

  /**
   * A store that stays inside the method: a collection factory ({@code List.of}) only builds a
   * value, and a collection held in a local variable dies with the method unless it is itself
   * stored, which these checks do not follow.
   */
  private static boolean keepsLocally(MethodSymbol m, ExpressionTree receiver) {
    if (m.isStatic() && COLLECTION_FACTORIES.contains(m.owner.getQualifiedName().toString())) {
      return true;
    }
    Symbol r = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    return r instanceof VarSymbol v && v.getKind() == ElementKind.LOCAL_VARIABLE;
  }

  private boolean isTryResource(TreePath path) {
    TreePath p = path.getParentPath();
    while (p != null && p.getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
      p = p.getParentPath();
    }
    if (p == null || !(p.getLeaf() instanceof VariableTree v)) {
      return false;
    }
    TreePath t = p.getParentPath();
    return t != null && t.getLeaf() instanceof TryTree tt && tt.getResources().contains(v);
  }

  private Tree parent() {
    TreePath p = getCurrentPath().getParentPath();
    while (p != null && p.getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
      p = p.getParentPath();
    }
    return p == null ? null : p.getLeaf();
  }

  // ---- guards and tokens that escape ----

  @Override
  public Void visitAssignment(AssignmentTree node, Void unused) {
    Symbol target = ASTHelpers.getSymbol(node.getVariable());
    Type type = ASTHelpers.getType(node.getExpression());
    if (target != null && target.getKind() == ElementKind.FIELD && isGuardOrToken(type)) {
      report(
          Finding.Kind.GUARD_ESCAPE,
          getCurrentPath(),
          "A "
              + simpleName(type)
              + " is stored into field `"
              + target.getSimpleName()
              + "`, where it outlives"
              + " the guard it belongs to; keep it in a local inside the try-with-resources block.");
    }
    if (ClosureLiteral.isClosure(node.getExpression())
        && target != null
        && target.getKind() == ElementKind.FIELD) {
      checkCaptures(
          new TreePath(getCurrentPath(), node.getExpression()),
          "stored into field `" + target.getSimpleName() + "`");
    }
    return super.visitAssignment(node, null);
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    Symbol s = ASTHelpers.getSymbol(node);
    if (s instanceof VarSymbol v
        && v.getKind() == ElementKind.LOCAL_VARIABLE
        && node.getInitializer() != null
        && ClosureLiteral.isClosure(node.getInitializer())) {
      closureLocals.put(v, new TreePath(getCurrentPath(), node.getInitializer()));
    }
    if (s != null && s.getKind() == ElementKind.FIELD && node.getInitializer() != null) {
      Type type = ASTHelpers.getType(node.getInitializer());
      if (isGuardOrToken(type)) {
        report(
            Finding.Kind.GUARD_ESCAPE,
            getCurrentPath(),
            "A "
                + simpleName(type)
                + " is stored into field `"
                + s.getSimpleName()
                + "`, where it outlives"
                + " the guard it belongs to.");
      }
    }
    return super.visitVariable(node, null);
  }

  @Override
  public Void visitReturn(ReturnTree node, Void unused) {
    if (node.getExpression() != null) {
      Type type = ASTHelpers.getType(node.getExpression());
      if (isGuardOrToken(type)) {
        report(
            Finding.Kind.GUARD_ESCAPE,
            getCurrentPath(),
            "A "
                + simpleName(type)
                + " is returned: the caller cannot know when its guard closes."
                + " Pass a closure in instead of handing the "
                + simpleName(type)
                + " out.");
      }
      if (ClosureLiteral.isClosure(node.getExpression()) && enclosingIsMethod()) {
        checkCaptures(new TreePath(getCurrentPath(), node.getExpression()), "returned");
      }
    }
    return super.visitReturn(node, null);
  }

  private boolean enclosingIsMethod() {
    for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return false;
      }
      if (p.getLeaf() instanceof MethodTree) {
        return true;
      }
    }
    return false;
  }

  private void checkStoredArguments(MethodSymbol m, List<? extends ExpressionTree> args) {
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree arg = args.get(i);
      Type type = ASTHelpers.getType(arg);
      boolean closure = ClosureLiteral.isClosure(arg);
      TreePath heldClosure =
          ASTHelpers.getSymbol(arg) instanceof VarSymbol v && arg instanceof IdentifierTree
              ? closureLocals.get(v)
              : null;
      if (heldClosure != null && closureUse.apply(m, i) == ClosureUse.ELSEWHERE) {
        checkCaptures(
            heldClosure,
            "handed (as `"
                + arg
                + "`) to `"
                + m.getSimpleName()
                + "`, which runs it later or on another thread");
        continue;
      }
      if (!closure && !isGuardOrToken(type)) {
        continue;
      }
      if (closureUse.apply(m, i) != ClosureUse.ELSEWHERE) {
        continue;
      }
      TreePath argPath = new TreePath(getCurrentPath(), arg);
      if (closure) {
        checkCaptures(
            argPath,
            "handed to `" + m.getSimpleName() + "`, which runs it later or on another thread");
      } else {
        report(
            Finding.Kind.GUARD_ESCAPE,
            argPath,
            "A "
                + simpleName(type)
                + " is handed to `"
                + m.getSimpleName()
                + "`, which keeps it beyond"
                + " the guard it belongs to.");
      }
    }
  }

  /** Reports a closure that runs later and captures a guard or token from outside itself. */
  private void checkCaptures(TreePath closurePath, String how) {
    Tree closure = closurePath.getLeaf();
    int start = ((JCTree) closure).getStartPosition();
    List<String> captured = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Symbol s = ASTHelpers.getSymbol(node);
        if (s instanceof VarSymbol v
            && isLocal(v)
            && isGuardOrToken(v.type)
            && declaredBefore(v, start)
            && !captured.contains(v.getSimpleName().toString())) {
          captured.add(v.getSimpleName().toString());
        }
        return null;
      }
    }.scan(closure, null);
    if (!captured.isEmpty()) {
      report(
          Finding.Kind.GUARD_ESCAPE,
          closurePath,
          "This closure is "
              + how
              + ", but it captures `"
              + String.join("`, `", captured)
              + "`, which is only valid while its guard is open on this thread.");
    }
  }

  // ---- helpers ----

  static boolean isGuardOrToken(Type type) {
    return type != null
        && (PerCpuApi.isGuard(type) || PerCpuApi.erasedName(type).equals(PerCpuApi.TOKEN));
  }

  static boolean isLocal(VarSymbol v) {
    ElementKind k = v.getKind();
    return k == ElementKind.LOCAL_VARIABLE
        || k == ElementKind.PARAMETER
        || k == ElementKind.RESOURCE_VARIABLE
        || k == ElementKind.EXCEPTION_PARAMETER;
  }

  static boolean declaredBefore(VarSymbol v, int position) {
    return v.pos >= 0 && v.pos < position;
  }

  static boolean declaredInside(Symbol s, int lambdaStart) {
    return s instanceof VarSymbol v && isLocal(v) && v.pos >= lambdaStart;
  }

  private static String simpleName(Type type) {
    return PerCpuApi.isGuard(type) ? "CpuGuard" : "PerCpuToken";
  }

  private void report(Finding.Kind kind, TreePath path, String message) {
    findings.add(new Finding(kind, path, message, Optional.empty()));
  }
}
