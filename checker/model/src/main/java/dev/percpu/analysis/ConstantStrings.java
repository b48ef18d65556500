package dev.percpu.analysis;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * The value of a symbol name as javac folds constant expressions (JLS 15.29): literals, constant
 * variables of any class ({@code static final String BASE = "app"} in another class), string
 * concatenation and integer addition of constants, parentheses, and a conditional whose condition
 * is a boolean literal or constant (a comparison is not folded: the name is then not constant to
 * either checker). Both checkers name symbol lookups through this one function, so that a name one
 * of them folds the other folds the same.
 *
 * <pre>{@code
 * String name = ConstantStrings.of(call.getArguments().get(0), elementOf); // "app.counts", or null
 * }</pre>
 */
public final class ConstantStrings {

  private static final int MAX_DEPTH = 64;

  private ConstantStrings() {}

  /**
   * The string {@code tree} folds to, or {@code null} when it is not a constant string expression.
   *
   * @param elementOf the element an identifier or member select names, or {@code null}
   */
  public static String of(ExpressionTree tree, Function<ExpressionTree, Element> elementOf) {
    try {
      return constant(tree, elementOf, 0) instanceof String s ? s : null;
    } catch (RuntimeException e) {
      return null; // an unattributed tree: not a constant as far as the checkers know
    }
  }

  private static Object constant(
      ExpressionTree tree, Function<ExpressionTree, Element> elementOf, int depth) {
    if (tree == null || depth > MAX_DEPTH) {
      return null;
    }
    if (tree instanceof ParenthesizedTree p) {
      return constant(p.getExpression(), elementOf, depth + 1);
    }
    if (tree instanceof LiteralTree lit) {
      return tree.getKind() == Tree.Kind.NULL_LITERAL ? null : lit.getValue();
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      return elementOf.apply(tree) instanceof VariableElement v ? v.getConstantValue() : null;
    }
    if (tree instanceof ConditionalExpressionTree c
        && constant(c.getCondition(), elementOf, depth + 1) instanceof Boolean b) {
      return constant(b ? c.getTrueExpression() : c.getFalseExpression(), elementOf, depth + 1);
    }
    if (tree instanceof BinaryTree bin && tree.getKind() == Tree.Kind.PLUS) {
      Object left = constant(bin.getLeftOperand(), elementOf, depth + 1);
      Object right = left == null ? null : constant(bin.getRightOperand(), elementOf, depth + 1);
      if (left == null || right == null) {
        return null;
      }
      if (left instanceof String || right instanceof String) {
        return String.valueOf(left) + right;
      }
      if (isIntegral(left) && isIntegral(right)) {
        return left instanceof Long || right instanceof Long
            ? (Object) (((Number) left).longValue() + ((Number) right).longValue())
            : (Object) (((Number) left).intValue() + ((Number) right).intValue());
      }
      return null; // floating-point or char arithmetic: not a symbol name's business
    }
    return null;
  }

  private static boolean isIntegral(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
  }
}
