package dev.percpu.analysis;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a lazy stream stage ({@link ClosureUse#AT_TERMINAL}: {@code map}, {@code filter}, ...) is
 * consumed where it is built: its lambda runs only when a terminal operation runs the pipeline. The
 * pipeline is followed through the chain of calls on it and through an effectively final local it
 * is kept in, within the body (method or lambda) that builds it.
 *
 * <pre>{@code
 * ClosureUse use = api.closureUse(callee, i, types);
 * if (use == ClosureUse.AT_TERMINAL) {
 *   use = StreamPipeline.consumption(callPath, trees::getElement);
 * }
 * }</pre>
 */
public final class StreamPipeline {

  private static final Set<String> STREAM_TYPES =
      Set.of(
          "java.util.stream.Stream",
          "java.util.stream.IntStream",
          "java.util.stream.LongStream",
          "java.util.stream.DoubleStream",
          "java.util.stream.BaseStream");

  /** The operations that run a pipeline (and so every lazy stage feeding it) now. */
  private static final Set<String> TERMINAL =
      Set.of(
          "forEach",
          "forEachOrdered",
          "toArray",
          "reduce",
          "collect",
          "toList",
          "min",
          "max",
          "count",
          "sum",
          "average",
          "summaryStatistics",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "findFirst",
          "findAny",
          "iterator",
          "spliterator");

  private static final int MAX_DEPTH = 8;

  private StreamPipeline() {}

  /** Whether {@code t} is one of the stream interfaces. */
  public static boolean isStreamType(TypeMirror t) {
    return t != null
        && t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).asElement() instanceof TypeElement e
        && STREAM_TYPES.contains(e.getQualifiedName().toString());
  }

  /**
   * Where the lazy stages up to the call at {@code stage} run, relative to the code around it:
   * {@link ClosureUse#INVOKED_NOW} when a terminal operation in the same body consumes the
   * pipeline, {@link ClosureUse#ELSEWHERE} when it is returned, stored or dropped unconsumed (it
   * runs after this code, if ever), {@link ClosureUse#UNKNOWN} when it is handed to a method.
   *
   * @param elementOf the element a tree names (a method invocation's method, an identifier's
   *     variable), or {@code null}
   */
  public static ClosureUse consumption(TreePath stage, Function<TreePath, Element> elementOf) {
    try {
      return consumption(stage, elementOf, 0);
    } catch (RuntimeException e) {
      return ClosureUse.INVOKED_NOW; // as if not followed: the closure-use table's answer
    }
  }

  private static ClosureUse consumption(
      TreePath p, Function<TreePath, Element> elementOf, int depth) {
    if (depth > MAX_DEPTH) {
      return ClosureUse.INVOKED_NOW;
    }
    while (true) {
      TreePath parent = p.getParentPath();
      if (parent == null) {
        return ClosureUse.ELSEWHERE;
      }
      Tree up = parent.getLeaf();
      if (up instanceof ParenthesizedTree || up instanceof TypeCastTree) {
        p = parent;
        continue;
      }
      if (up instanceof MemberSelectTree select
          && select.getExpression() == p.getLeaf()
          && parent.getParentPath() != null
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        TreePath callPath = parent.getParentPath();
        if (!(elementOf.apply(callPath) instanceof ExecutableElement m)
            || !(m.getEnclosingElement() instanceof TypeElement owner)
            || !STREAM_TYPES.contains(owner.getQualifiedName().toString())) {
          return ClosureUse.UNKNOWN; // a method of Object, or one we cannot resolve
        }
        if (TERMINAL.contains(m.getSimpleName().toString())) {
          return ClosureUse.INVOKED_NOW;
        }
        if (isStreamType(m.getReturnType())) {
          p = callPath; // another lazy stage: the pipeline goes on
          continue;
        }
        return ClosureUse.ELSEWHERE; // isParallel(), close(): asks about it, does not run it
      }
      if (up instanceof VariableTree v && v.getInitializer() == p.getLeaf()) {
        Element local = elementOf.apply(parent);
        return local != null && local.getKind() == ElementKind.LOCAL_VARIABLE
            ? usesOf(local, parent, elementOf, depth)
            : ClosureUse.ELSEWHERE; // a field: whoever reads it runs it later
      }
      if (up instanceof ReturnTree
          || up instanceof LambdaExpressionTree
          || up instanceof ExpressionStatementTree) {
        return ClosureUse.ELSEWHERE; // returned out of this body, or dropped
      }
      if (up instanceof MethodInvocationTree || up instanceof NewClassTree) {
        return ClosureUse.UNKNOWN; // handed on: the callee may consume it now
      }
      return ClosureUse.ELSEWHERE; // assigned, stored in an array: consumed later if ever
    }
  }

  /** The strongest use of the pipeline kept in {@code local} in the body that declares it. */
  private static ClosureUse usesOf(
      Element local, TreePath declaration, Function<TreePath, Element> elementOf, int depth) {
    TreePath body = declaration;
    while (body != null
        && !(body.getLeaf() instanceof LambdaExpressionTree)
        && !(body.getLeaf() instanceof MethodTree)) {
      body = body.getParentPath();
    }
    TreePath scope = body != null ? body : declaration.getParentPath();
    if (scope == null) {
      return ClosureUse.INVOKED_NOW;
    }
    List<TreePath> uses = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (local.equals(elementOf.apply(getCurrentPath()))) {
          uses.add(getCurrentPath());
        }
        return null;
      }
    }.scan(scope, null);
    ClosureUse best = ClosureUse.ELSEWHERE;
    for (TreePath use : uses) {
      ClosureUse u = consumption(use, elementOf, depth + 1);
      if (u == ClosureUse.INVOKED_NOW) {
        return u;
      }
      if (u == ClosureUse.UNKNOWN) {
        best = u;
      }
    }
    return best;
  }
}
