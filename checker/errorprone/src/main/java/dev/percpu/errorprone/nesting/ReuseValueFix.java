package dev.percpu.errorprone.nesting;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fix for a definite nested entry whose inner closure is a simple one-parameter lambda: the
 * outer closure already holds the slot's value, so the inner body can use it directly instead of
 * entering again. Offered only when the rewrite keeps the meaning: the inner call is a statement
 * (or, for a value-returning entry, an expression-bodied lambda), no {@code return} leaves the
 * inlined block, and the outer parameter is visible and unshadowed where it is used.
 */
final class ReuseValueFix {

  private static final Set<Tree.Kind> STATEMENT_EXPRESSIONS =
      EnumSet.of(
          Tree.Kind.METHOD_INVOCATION,
          Tree.Kind.ASSIGNMENT,
          Tree.Kind.PLUS_ASSIGNMENT,
          Tree.Kind.MINUS_ASSIGNMENT,
          Tree.Kind.MULTIPLY_ASSIGNMENT,
          Tree.Kind.DIVIDE_ASSIGNMENT,
          Tree.Kind.OR_ASSIGNMENT,
          Tree.Kind.AND_ASSIGNMENT,
          Tree.Kind.XOR_ASSIGNMENT,
          Tree.Kind.PREFIX_INCREMENT,
          Tree.Kind.POSTFIX_INCREMENT,
          Tree.Kind.PREFIX_DECREMENT,
          Tree.Kind.POSTFIX_DECREMENT,
          Tree.Kind.NEW_CLASS);

  private ReuseValueFix() {}

  static Optional<Fix> build(
      MethodInvocationTree inner,
      LambdaExpressionTree outer,
      TreePath innerPath,
      VisitorState state,
      UnitIndex index) {
    if (outer.getParameters().size() != 1 || innerPath == null) {
      return Optional.empty();
    }
    LambdaExpressionTree lambda = innerLambda(inner);
    if (lambda == null || lambda.getParameters().size() != 1) {
      return Optional.empty();
    }
    Symbol outerParam = ASTHelpers.getSymbol(outer.getParameters().get(0));
    Symbol innerParam = ASTHelpers.getSymbol(lambda.getParameters().get(0));
    if (outerParam == null
        || innerParam == null
        || (outerParam instanceof Symbol.VarSymbol v && !index.assignments(v).isEmpty())) {
      return Optional.empty();
    }
    if (!outerIsVisible(innerPath, outer)) {
      return Optional.empty();
    }
    String outerName = outerParam.getSimpleName().toString();
    List<IdentifierTree> uses = new ArrayList<>();
    boolean[] blocked = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Symbol s = ASTHelpers.getSymbol(node);
        if (s == innerParam) {
          uses.add(node);
        } else if (node.getName().contentEquals(outerName) && s != outerParam) {
          blocked[0] = true;
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getName().contentEquals(outerName)) {
          blocked[0] = true;
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        blocked[0] = true;
        return super.visitReturn(node, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        // A return inside a nested lambda returns from that lambda: only look for names.
        boolean saved = blocked[0];
        super.visitLambdaExpression(node, null);
        blocked[0] = saved || namesBlocked(node, outerName, outerParam);
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        blocked[0] = true;
        return null;
      }
    }.scan(lambda.getBody(), null);
    if (blocked[0]) {
      return Optional.empty();
    }
    boolean isVoid =
        ASTHelpers.getType(inner) == null || ASTHelpers.getType(inner).hasTag(TypeTag.VOID);
    Tree body = lambda.getBody();
    Tree parent = innerPath.getParentPath() == null ? null : innerPath.getParentPath().getLeaf();
    SuggestedFix.Builder fix = SuggestedFix.builder();
    int bodyStart = start(body);
    int bodyEnd = state.getEndPosition(body);
    if (bodyStart < 0 || bodyEnd < 0) {
      return Optional.empty();
    }
    if (isVoid && parent instanceof LambdaExpressionTree) {
      // The inner call is the outer lambda's whole body: a block or a statement expression can
      // take its place.
      if (!(body instanceof BlockTree)
          && !(body instanceof ExpressionTree e && STATEMENT_EXPRESSIONS.contains(e.getKind()))) {
        return Optional.empty();
      }
      fix.replace(start(inner), bodyStart, "");
      fix.replace(bodyEnd, state.getEndPosition(inner), "");
    } else if (isVoid) {
      if (!(parent instanceof ExpressionStatementTree statement)) {
        return Optional.empty();
      }
      if (body instanceof BlockTree) {
        fix.replace(start(statement), bodyStart, "");
        fix.replace(bodyEnd, state.getEndPosition(statement), "");
      } else if (body instanceof ExpressionTree e && STATEMENT_EXPRESSIONS.contains(e.getKind())) {
        fix.replace(start(inner), bodyStart, "");
        fix.replace(bodyEnd, state.getEndPosition(inner), "");
      } else {
        return Optional.empty();
      }
    } else {
      if (body instanceof BlockTree) {
        return Optional.empty();
      }
      fix.replace(start(inner), bodyStart, "(");
      fix.replace(bodyEnd, state.getEndPosition(inner), ")");
    }
    if (!innerParam.getSimpleName().contentEquals(outerName)) {
      for (IdentifierTree use : uses) {
        fix.replace(use, outerName);
      }
    }
    return Optional.of(fix.build());
  }

  private static boolean namesBlocked(
      LambdaExpressionTree node, String outerName, Symbol outerParam) {
    for (VariableTree p : node.getParameters()) {
      if (p.getName().contentEquals(outerName)) {
        return true;
      }
    }
    return false;
  }

  private static LambdaExpressionTree innerLambda(MethodInvocationTree inner) {
    for (ExpressionTree a : inner.getArguments()) {
      if (ASTHelpers.stripParentheses(a) instanceof LambdaExpressionTree l) {
        return inner.getArguments().size() == 1 ? l : null;
      }
    }
    return null;
  }

  /** The outer lambda encloses the inner call with no class declaration in between. */
  private static boolean outerIsVisible(TreePath innerPath, LambdaExpressionTree outer) {
    for (TreePath p = innerPath; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == outer) {
        return true;
      }
      if (p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static int start(Tree t) {
    return ((JCTree) t).getStartPosition();
  }
}
