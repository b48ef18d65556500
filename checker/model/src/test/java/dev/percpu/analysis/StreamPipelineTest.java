package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each {@code map} stage's lambda parameter names where the test expects it to run. */
class StreamPipelineTest {

  @Test
  void lazyStage_runsOnlyWhereATerminalOperationConsumesItsPipeline() {
    Elements elements =
        Elements.compile(
            "test.Pipelines",
            String.join(
                "\n",
                "package test;",
                "import java.util.List;",
                "import java.util.stream.Stream;",
                "class Pipelines {",
                "  static void consume(Stream<Integer> s) {}",
                "  Stream<Integer> field;",
                "  long run(List<Integer> xs) {",
                "    long n = xs.stream().map(chained -> chained).filter(x -> x > 0).count();",
                "    Stream<Integer> kept = xs.stream().map(local -> local);",
                "    n += kept.reduce(0, Integer::sum);",
                "    Stream<Integer> asked = xs.stream().map(askedOnly -> askedOnly);",
                "    n += asked.isParallel() ? 1 : 0;",
                "    consume(xs.stream().map(handedOn -> handedOn));",
                "    field = xs.stream().map(stored -> stored);",
                "    xs.stream().map(dropped -> dropped);",
                "    return n;",
                "  }",
                "  Stream<Integer> later(List<Integer> xs) {",
                "    return xs.stream().map(returned -> returned);",
                "  }",
                "}"));
    Trees trees = Trees.instance(elements.task);
    CompilationUnitTree unit = elements.unit("test.Pipelines");
    Map<String, ClosureUse> found = new LinkedHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals("map")
            && node.getArguments().get(0) instanceof LambdaExpressionTree l) {
          found.put(
              l.getParameters().get(0).getName().toString(),
              StreamPipeline.consumption(getCurrentPath(), trees::getElement));
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(new TreePath(unit), null);
    Map<String, ClosureUse> expected = new LinkedHashMap<>();
    expected.put("chained", ClosureUse.INVOKED_NOW);
    expected.put("local", ClosureUse.INVOKED_NOW);
    expected.put("askedOnly", ClosureUse.ELSEWHERE);
    expected.put("handedOn", ClosureUse.UNKNOWN);
    expected.put("stored", ClosureUse.ELSEWHERE);
    expected.put("dropped", ClosureUse.ELSEWHERE);
    expected.put("returned", ClosureUse.ELSEWHERE);
    assertEquals(expected, found);
  }
}
