package dev.percpu.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code return} statements of one method body: not those of the lambdas and the local or
 * anonymous classes inside it, which return from their own bodies. What a method returns is read
 * from these (a fresh allocation made per call, the one closure a factory hands out).
 *
 * <pre>{@code
 * for (ReturnTree r : OwnReturns.of(method.getBody())) { ... r.getExpression() ... }
 * }</pre>
 */
public final class OwnReturns {
  private OwnReturns() {}

  /** The returns of {@code body} itself, in source order; empty for {@code null}. */
  public static List<ReturnTree> of(Tree body) {
    List<ReturnTree> returns = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree r, Void unused) {
        returns.add(r);
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // its returns are the lambda's
      }

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        return null; // its methods' returns are theirs
      }
    }.scan(body, null);
    return returns;
  }
}
