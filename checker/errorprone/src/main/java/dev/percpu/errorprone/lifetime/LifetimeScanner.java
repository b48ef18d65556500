package dev.percpu.errorprone.lifetime;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
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
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.errorprone.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javax.lang.model.element.ElementKind;

/**
 * The lifetime checks of one compilation unit, in one walk: guards not closed by
 * try-with-resources, guards and tokens that outlive their guard (stored in a field or a
 * collection, returned, or captured by a closure that runs later or on another thread), and
 * values handed to an entering closure that outlive the closure.
 */
public final class LifetimeScanner extends TreePathScanner<Void, Void> {

  /** Values of these types cannot be mutated through a leaked reference. */
  private static final Set<String> IMMUTABLE =
      Set.of(
          "java.lang.String", "java.lang.Long", "java.lang.Integer", "java.lang.Short",
          "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Double",
          "java.lang.Float", "java.math.BigInteger", "java.math.BigDecimal");

  private static final Set<String> COLLECTION_FACTORIES =
      Set.of("java.util.List", "java.util.Set", "java.util.Map", "java.util.Arrays");

  private final PerCpuApi api;
  private final BiFunction<MethodSymbol, Integer, ClosureUse> closureUse;
  private final List<Finding> findings = new ArrayList<>();
  /** Closures held in locals, so that handing the local to another thread is judged like the closure. */
  private final java.util.Map<VarSymbol, TreePath> closureLocals = new java.util.HashMap<>();

  public LifetimeScanner(PerCpuApi api, BiFunction<MethodSymbol, Integer, ClosureUse> closureUse) {
    this.api = api;
    this.closureUse = closureUse;
  }

  public static List<Finding> run(
      CompilationUnitTree unit, PerCpuApi api, BiFunction<MethodSymbol, Integer, ClosureUse> closureUse) {
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
      if (returned != null && PerCpuApi.isGuard(returned) && m.isStatic() && !isTryResource(getCurrentPath())
          && !(parent() instanceof ReturnTree)) {
        report(Finding.Kind.GUARD_NOT_CLOSED, getCurrentPath(),
            "The CpuGuard from `" + m.getSimpleName() + "()` is not closed by try-with-resources: an exception"
                + " or an early return leaves the thread pinned. Write `try (CpuGuard g = "
                + m.owner.getSimpleName() + "." + m.getSimpleName() + "()) { ... }`.");
      }
      if (!keepsLocally(m, ASTHelpers.getReceiver(node))) {
        checkStoredArguments(m, node.getArguments());
      }
      MethodRole role = api.roleOf(m);
      if (role instanceof MethodRole.Entering e && e.closure() >= 0 && e.closure() < node.getArguments().size()) {
        checkValueEscape(node, m, node.getArguments().get(e.closure()));
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
   * A store that stays inside the method: a collection factory ({@code List.of}) only builds a value,
   * and a collection held in a local variable dies with the method unless it is itself stored,
   * which these checks do not follow.
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
      report(Finding.Kind.GUARD_ESCAPE, getCurrentPath(),
          "A " + simpleName(type) + " is stored into field `" + target.getSimpleName() + "`, where it outlives"
              + " the guard it belongs to; keep it in a local inside the try-with-resources block.");
    }
    if (isClosure(node.getExpression()) && target != null && target.getKind() == ElementKind.FIELD) {
      checkCaptures(new TreePath(getCurrentPath(), node.getExpression()), "stored into field `" + target.getSimpleName() + "`");
    }
    return super.visitAssignment(node, null);
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    Symbol s = ASTHelpers.getSymbol(node);
    if (s instanceof VarSymbol v && v.getKind() == ElementKind.LOCAL_VARIABLE && node.getInitializer() != null
        && isClosure(node.getInitializer())) {
      closureLocals.put(v, new TreePath(getCurrentPath(), node.getInitializer()));
    }
    if (s != null && s.getKind() == ElementKind.FIELD && node.getInitializer() != null) {
      Type type = ASTHelpers.getType(node.getInitializer());
      if (isGuardOrToken(type)) {
        report(Finding.Kind.GUARD_ESCAPE, getCurrentPath(),
            "A " + simpleName(type) + " is stored into field `" + s.getSimpleName() + "`, where it outlives"
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
        report(Finding.Kind.GUARD_ESCAPE, getCurrentPath(),
            "A " + simpleName(type) + " is returned: the caller cannot know when its guard closes."
                + " Pass a closure in instead of handing the " + simpleName(type) + " out.");
      }
      if (isClosure(node.getExpression()) && enclosingIsMethod()) {
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
      boolean closure = isClosure(arg);
      TreePath heldClosure =
          ASTHelpers.getSymbol(arg) instanceof VarSymbol v && arg instanceof IdentifierTree ? closureLocals.get(v) : null;
      if (heldClosure != null && closureUse.apply(m, i) == ClosureUse.ELSEWHERE) {
        checkCaptures(heldClosure, "handed (as `" + arg + "`) to `" + m.getSimpleName() + "`, which runs it later or on another thread");
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
        checkCaptures(argPath, "handed to `" + m.getSimpleName() + "`, which runs it later or on another thread");
      } else {
        report(Finding.Kind.GUARD_ESCAPE, argPath,
            "A " + simpleName(type) + " is handed to `" + m.getSimpleName() + "`, which keeps it beyond"
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
        if (s instanceof VarSymbol v && isLocal(v) && isGuardOrToken(v.type) && declaredBefore(v, start)
            && !captured.contains(v.getSimpleName().toString())) {
          captured.add(v.getSimpleName().toString());
        }
        return null;
      }
    }.scan(closure, null);
    if (!captured.isEmpty()) {
      report(Finding.Kind.GUARD_ESCAPE, closurePath,
          "This closure is " + how + ", but it captures `" + String.join("`, `", captured)
              + "`, which is only valid while its guard is open on this thread.");
    }
  }

  // ---- values that escape their closure ----

  private void checkValueEscape(MethodInvocationTree call, MethodSymbol m, ExpressionTree closureArg) {
    if (!(ASTHelpers.stripParentheses(closureArg) instanceof LambdaExpressionTree lambda)
        || lambda.getParameters().isEmpty()) {
      return;
    }
    VarSymbol value = ASTHelpers.getSymbol(lambda.getParameters().get(0));
    if (value == null || value.type == null || value.type.isPrimitive()
        || IMMUTABLE.contains(PerCpuApi.erasedName(value.type)) || value.type.isErroneous()) {
      return;
    }
    TreePath argPath = new TreePath(getCurrentPath(), closureArg);
    TreePath lambdaPath = closureArg == lambda ? argPath : new TreePath(argPath, lambda);
    int start = ((JCTree) lambda).getStartPosition();
    String name = value.getSimpleName().toString();
    boolean returnsValue = m.getReturnType() != null && !m.getReturnType().hasTag(com.sun.tools.javac.code.TypeTag.VOID);
    if (returnsValue && isValue(lambda.getBody(), value)) {
      report(Finding.Kind.VALUE_ESCAPE, new TreePath(lambdaPath, lambda.getBody()),
          "`" + m.getSimpleName() + "` returns the slot's value `" + name + "` itself, so it outlives the closure:"
              + " another thread pinned to this CPU may then change it under the caller. Return a copy or a"
              + " computed result.");
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (isValue(node.getExpression(), value)) {
          ExpressionTree target = ASTHelpers.stripParentheses(node.getVariable());
          Symbol s = ASTHelpers.getSymbol(target);
          if (s != null && s.getKind() == ElementKind.FIELD) {
            report(Finding.Kind.VALUE_ESCAPE, getCurrentPath(),
                "The slot's value `" + name + "` is stored into field `" + s.getSimpleName()
                    + "`, where it outlives the closure; use it only inside the closure.");
          } else if (target instanceof ArrayAccessTree aa
              && !declaredInside(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(aa.getExpression())), start)) {
            report(Finding.Kind.VALUE_ESCAPE, getCurrentPath(),
                "The slot's value `" + name + "` is stored into an array from outside the closure, where it"
                    + " outlives the closure.");
          }
        }
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        MethodSymbol callee = ASTHelpers.getSymbol(node);
        if (callee != null) {
          ExpressionTree receiver = ASTHelpers.getReceiver(node);
          boolean outsideReceiver = receiver == null || !declaredInside(ASTHelpers.getSymbol(receiver), start);
          boolean factory = callee.isStatic() && COLLECTION_FACTORIES.contains(callee.owner.getQualifiedName().toString());
          checkArguments(callee, node.getArguments(), outsideReceiver && !factory);
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        MethodSymbol ctor = ASTHelpers.getSymbol(node);
        if (ctor != null) {
          checkArguments(ctor, node.getArguments(), true);
        }
        return super.visitNewClass(node, null);
      }

      private void checkArguments(MethodSymbol callee, List<? extends ExpressionTree> args, boolean outsideReceiver) {
        for (int i = 0; i < args.size(); i++) {
          // addAll copies the value's elements; the value itself is not kept.
          boolean keepsArgument = closureUse.apply(callee, i) == ClosureUse.ELSEWHERE
              && !callee.getSimpleName().toString().endsWith("All");
          if (isValue(args.get(i), value) && outsideReceiver
              && (keepsArgument || isReferenceHolderSetter(callee))) {
            report(Finding.Kind.VALUE_ESCAPE, new TreePath(getCurrentPath(), args.get(i)),
                "The slot's value `" + name + "` is handed to `" + callee.getSimpleName()
                    + "`, which keeps it beyond the closure.");
          } else if (isClosure(args.get(i)) && closureUse.apply(callee, i) == ClosureUse.ELSEWHERE
              && captures(args.get(i), value)) {
            report(Finding.Kind.VALUE_ESCAPE, new TreePath(getCurrentPath(), args.get(i)),
                "A closure that captures the slot's value `" + name + "` is handed to `"
                    + (callee.isConstructor() ? callee.owner.getSimpleName() : callee.getSimpleName())
                    + "`, which runs it after this closure ends or on another thread.");
          }
        }
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(new TreePath(lambdaPath, lambda.getBody()), null);
  }

  /** {@code AtomicReference.set(v)} and the like keep their argument as surely as a field does. */
  private static boolean isReferenceHolderSetter(MethodSymbol callee) {
    String owner = callee.owner == null ? "" : callee.owner.getQualifiedName().toString();
    String name = callee.getSimpleName().toString();
    return (owner.equals("java.util.concurrent.atomic.AtomicReference")
            || owner.equals("java.util.concurrent.atomic.AtomicReferenceArray")
            || owner.equals("java.lang.ThreadLocal"))
        && (name.equals("set") || name.equals("lazySet") || name.equals("setPlain") || name.equals("setRelease")
            || name.equals("getAndSet") || name.equals("compareAndSet") || name.equals("setOpaque"));
  }

  private static boolean isValue(Tree expression, VarSymbol value) {
    if (!(expression instanceof ExpressionTree e)) {
      return false;
    }
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    while (x.getKind() == Tree.Kind.TYPE_CAST) {
      x = ASTHelpers.stripParentheses(((com.sun.source.tree.TypeCastTree) x).getExpression());
    }
    if (x.getKind() == Tree.Kind.BLOCK) {
      return false;
    }
    return x instanceof IdentifierTree && ASTHelpers.getSymbol(x) == value;
  }

  private static boolean captures(Tree closure, VarSymbol value) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found[0] |= ASTHelpers.getSymbol(node) == value;
        return null;
      }
    }.scan(closure, null);
    return found[0];
  }

  // ---- helpers ----

  private static boolean isClosure(ExpressionTree e) {
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    return x instanceof LambdaExpressionTree
        || x instanceof MemberReferenceTree
        || (x instanceof NewClassTree nc && nc.getClassBody() != null);
  }

  private static boolean isGuardOrToken(Type type) {
    return type != null && (PerCpuApi.isGuard(type) || PerCpuApi.erasedName(type).equals(PerCpuApi.TOKEN));
  }

  private static boolean isLocal(VarSymbol v) {
    ElementKind k = v.getKind();
    return k == ElementKind.LOCAL_VARIABLE || k == ElementKind.PARAMETER || k == ElementKind.RESOURCE_VARIABLE
        || k == ElementKind.EXCEPTION_PARAMETER;
  }

  private static boolean declaredBefore(VarSymbol v, int position) {
    return v.pos >= 0 && v.pos < position;
  }

  private static boolean declaredInside(Symbol s, int lambdaStart) {
    return s instanceof VarSymbol v && isLocal(v) && v.pos >= lambdaStart;
  }

  private static String simpleName(Type type) {
    return PerCpuApi.isGuard(type) ? "CpuGuard" : "PerCpuToken";
  }

  private void report(Finding.Kind kind, TreePath path, String message) {
    findings.add(new Finding(kind, path, message, Optional.empty()));
  }
}
