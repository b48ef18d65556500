package dev.percpu.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

class ReuseValueFixTest {

  private final BugCheckerRefactoringTestHelper helper =
      BugCheckerRefactoringTestHelper.newInstance(PerCpuNestedAccess.class, getClass());

  @Test
  void innerExpressionLambda_usesTheOuterValue() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h) {",
            "    PerCpu<long[]> alias = h.clone();",
            "    h.with(a -> {",
            "      a[0]++;",
            "      alias.with(b -> b[0]++);",
            "    });",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h) {",
            "    PerCpu<long[]> alias = h.clone();",
            "    h.with(a -> {",
            "      a[0]++;",
            "      a[0]++;",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void innerBlockLambda_isInlinedAsABlock() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(a -> {",
            "      h.with(b -> {",
            "        long old = b[0];",
            "        b[0] = old + 1;",
            "      });",
            "    });",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(a -> {",
            "      {",
            "        long old = a[0];",
            "        a[0] = old + 1;",
            "      }",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void innerApply_becomesAnExpressionOnTheOuterValue() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  long run(PerCpu<long[]> h) {",
            "    return h.apply(a -> a[0] + h.apply(b -> b[0] * 2));",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  long run(PerCpu<long[]> h) {",
            "    return h.apply(a -> a[0] + (a[0] * 2));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void innerBlockWithReturn_isNotRewritten() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h, boolean stop) {",
            "    h.with(a -> {",
            "      h.with(b -> { if (stop) { return; } b[0]++; });",
            "      a[0]++;",
            "    });",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void possibleAliasOnly_isNotRewritten() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h, PerCpu<long[]> other) {",
            "    h.with(a -> other.with(b -> b[0]++));",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void innerCallThatIsTheWholeOuterBody_isReplacedByItsBody() {
    helper
        .addInputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  long[] a = new long[1];",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(x -> h.with(b -> b[0] += this.a[0]));",
            "    h.with(a -> h.with(b -> b[0] += Test.this.a[0]));",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  long[] a = new long[1];",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(x -> x[0] += this.a[0]);",
            "    h.with(a -> a[0] += Test.this.a[0]);",
            "  }",
            "}")
        .doTest();
  }
}
