package dev.percpu.analysis;

import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;

/**
 * Which expressions are closures written in place: a lambda, a method reference or an anonymous
 * class instance. Both checkers ask this before deciding, with {@link ClosureUse}, whether the code
 * in it runs now, later or elsewhere; a variable holding a closure is each checker's own business,
 * since following it needs its framework's data flow.
 *
 * <pre>{@code
 * if (ClosureLiteral.isClosure(call.getArguments().get(i))
 *     && api.closureUse(callee, i, types) == ClosureUse.ELSEWHERE) { ... }
 * }</pre>
 */
public final class ClosureLiteral {

  private ClosureLiteral() {}

  /**
   * Whether {@code expression}, inside any parentheses, is a closure literal; {@code null} is not.
   */
  public static boolean isClosure(Tree expression) {
    Tree t = withoutParentheses(expression);
    return t instanceof LambdaExpressionTree
        || t instanceof MemberReferenceTree
        || (t instanceof NewClassTree nc && nc.getClassBody() != null);
  }

  /** {@code tree} inside any parentheses around it; {@code null} stays {@code null}. */
  static Tree withoutParentheses(Tree tree) {
    Tree t = tree;
    while (t instanceof ParenthesizedTree p) {
      t = p.getExpression();
    }
    return t;
  }
}
