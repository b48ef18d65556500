package dev.percpu.errorprone.lifetime;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import dev.percpu.analysis.ClosureLiteral;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.errorprone.Finding;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.lang.model.element.ElementKind;

/**
 * The value a {@code with}/{@code apply} lambda receives, kept where it outlives the lambda: stored
 * into a field or an array from outside, handed to a method that keeps it, returned by an {@code
 * apply} function, or captured by a closure that runs later or on another thread.
 */
final class ValueEscapes {

  /** Values of these types cannot be mutated through a leaked reference. */
  private static final Set<String> IMMUTABLE =
      Set.of(
          "java.lang.String",
          "java.lang.Long",
          "java.lang.Integer",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Character",
          "java.lang.Boolean",
          "java.lang.Double",
          "java.lang.Float",
          "java.math.BigInteger",
          "java.math.BigDecimal");

  private final BiFunction<MethodSymbol, Integer, ClosureUse> closureUse;
  private final Consumer<Finding> sink;

  ValueEscapes(BiFunction<MethodSymbol, Integer, ClosureUse> closureUse, Consumer<Finding> sink) {
    this.closureUse = closureUse;
    this.sink = sink;
  }

  /** Checks the lambda given to entering method {@code m} at the call {@code callPath}. */
  void check(TreePath callPath, MethodSymbol m, ExpressionTree closureArg) {
    if (!(ASTHelpers.stripParentheses(closureArg) instanceof LambdaExpressionTree lambda)
        || lambda.getParameters().isEmpty()) {
      return;
    }
    VarSymbol value = ASTHelpers.getSymbol(lambda.getParameters().get(0));
    if (value == null
        || value.type == null
        || value.type.isPrimitive()
        || IMMUTABLE.contains(PerCpuApi.erasedName(value.type))
        || value.type.isErroneous()) {
      return;
    }
    TreePath argPath = new TreePath(callPath, closureArg);
    TreePath lambdaPath = closureArg == lambda ? argPath : new TreePath(argPath, lambda);
    int start = ((JCTree) lambda).getStartPosition();
    String name = value.getSimpleName().toString();
    boolean returnsValue = m.getReturnType() != null && !m.getReturnType().hasTag(TypeTag.VOID);
    if (returnsValue && isValue(lambda.getBody(), value)) {
      report(
          new TreePath(lambdaPath, lambda.getBody()),
          "`"
              + m.getSimpleName()
              + "` returns the slot's value `"
              + name
              + "` itself, so it outlives the closure:"
              + " another thread pinned to this CPU may then change it under the caller. Return a copy or a"
              + " computed result.");
    }
    new TreePathScanner<Void, Void>() {
      /** How many lambdas inside the closure enclose the current node: their returns are theirs. */
      private int nestedLambdas;

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        nestedLambdas++;
        try {
          return super.visitLambdaExpression(node, null);
        } finally {
          nestedLambdas--;
        }
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (returnsValue && nestedLambdas == 0 && isValue(node.getExpression(), value)) {
          report(
              getCurrentPath(),
              "`"
                  + m.getSimpleName()
                  + "` returns the slot's value `"
                  + name
                  + "` itself, so it outlives the"
                  + " closure. Return a copy or a computed result.");
        }
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (isValue(node.getExpression(), value)) {
          ExpressionTree target = ASTHelpers.stripParentheses(node.getVariable());
          Symbol s = ASTHelpers.getSymbol(target);
          if (s != null && s.getKind() == ElementKind.FIELD) {
            report(
                getCurrentPath(),
                "The slot's value `"
                    + name
                    + "` is stored into field `"
                    + s.getSimpleName()
                    + "`, where it outlives the closure; use it only inside the closure.");
          } else if (target instanceof ArrayAccessTree aa
              && !LifetimeScanner.declaredInside(
                  ASTHelpers.getSymbol(ASTHelpers.stripParentheses(aa.getExpression())), start)) {
            report(
                getCurrentPath(),
                "The slot's value `"
                    + name
                    + "` is stored into an array from outside the closure, where it"
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
          boolean outsideReceiver =
              receiver == null
                  || !LifetimeScanner.declaredInside(ASTHelpers.getSymbol(receiver), start);
          boolean factory =
              callee.isStatic()
                  && LifetimeScanner.COLLECTION_FACTORIES.contains(
                      callee.owner.getQualifiedName().toString());
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

      private void checkArguments(
          MethodSymbol callee, List<? extends ExpressionTree> args, boolean outsideReceiver) {
        for (int i = 0; i < args.size(); i++) {
          // addAll copies the value's elements; the value itself is not kept.
          boolean keepsArgument =
              closureUse.apply(callee, i) == ClosureUse.ELSEWHERE
                  && !callee.getSimpleName().toString().endsWith("All");
          if (isValue(args.get(i), value)
              && outsideReceiver
              && (keepsArgument || isReferenceHolderSetter(callee))) {
            report(
                new TreePath(getCurrentPath(), args.get(i)),
                "The slot's value `"
                    + name
                    + "` is handed to `"
                    + callee.getSimpleName()
                    + "`, which keeps it beyond the closure.");
          } else if (ClosureLiteral.isClosure(args.get(i))
              && closureUse.apply(callee, i) == ClosureUse.ELSEWHERE
              && captures(args.get(i), value)) {
            report(
                new TreePath(getCurrentPath(), args.get(i)),
                "A closure that captures the slot's value `"
                    + name
                    + "` is handed to `"
                    + (callee.isConstructor()
                        ? callee.owner.getSimpleName()
                        : callee.getSimpleName())
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
        && (name.equals("set")
            || name.equals("lazySet")
            || name.equals("setPlain")
            || name.equals("setRelease")
            || name.equals("getAndSet")
            || name.equals("compareAndSet")
            || name.equals("setOpaque"));
  }

  private static boolean isValue(Tree expression, VarSymbol value) {
    if (!(expression instanceof ExpressionTree e)) {
      return false;
    }
    ExpressionTree x = ASTHelpers.stripParentheses(e);
    while (x.getKind() == Tree.Kind.TYPE_CAST) {
      x = ASTHelpers.stripParentheses(((TypeCastTree) x).getExpression());
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

  private void report(TreePath path, String message) {
    sink.accept(new Finding(Finding.Kind.VALUE_ESCAPE, path, message, Optional.empty()));
  }
}
