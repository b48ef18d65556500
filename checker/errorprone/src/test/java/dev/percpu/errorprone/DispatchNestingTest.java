package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A call whose receiver is an object this unit does not show dispatches to any overrider in the
 * sources (of this unit, or of a named class of another file compiled with it): what an overrider
 * enters is entered possibly.
 */
class DispatchNestingTest {

  private final CompilationTestHelper possible =
      CompilationTestHelper.newInstance(PerCpuPossibleNestedAccess.class, getClass());
  private final CompilationTestHelper nested =
      CompilationTestHelper.newInstance(PerCpuNestedAccess.class, getClass());

  @Test
  void unknownReceiverWithAnOverriderThatEnters_isPossible() {
    possible
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Bump implements Op {",
                "    public void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static final class Quiet implements Op {",
                "    public void run() {}",
                "  }",
                "  static void apply(Op op) {",
                "    // BUG: Diagnostic contains: via `run()` (overridden in `Bump`: `with` at line 10)",
                "    COUNTS.with(a -> op.run());",
                "  }"))
        .doTest();
  }

  @Test
  void unknownReceiverWithAnOverriderThatEnters_isNotDefinite() {
    nested
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Bump implements Op {",
                "    public void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static void apply(Op op) {",
                "    COUNTS.with(a -> op.run());",
                "  }"))
        .doTest();
  }

  @Test
  void noOverriderEnters_isClean() {
    possible
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  static final PerCpu<long[]> OTHER = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Other implements Op {",
                "    public void run() { OTHER.with(b -> b[0]++); }",
                "  }",
                "  static final class Quiet implements Op {",
                "    public void run() {}",
                "  }",
                "  static void apply(Op op) {",
                "    COUNTS.with(a -> op.run());",
                "  }"))
        .doTest();
  }

  @Test
  void overriderOfANonFinalClassMethod_isPossible() {
    possible
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  static class Step { void run() {} }",
                "  static class Bumping extends Step {",
                "    @Override void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static void apply(Step step) {",
                "    // BUG: Diagnostic contains: overridden in `Bumping`",
                "    COUNTS.with(a -> step.run());",
                "  }"))
        .doTest();
  }

  @Test
  void overriderInAnotherFileCompiledTogether_isPossible() {
    possible
        .addSourceLines("Op.java", "interface Op { void run(); }")
        .addSourceLines(
            "Bump.java",
            "import dev.percpu.*;",
            "final class Bump implements Op {",
            "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
            "  public void run() { COUNTS.with(b -> b[0]++); }",
            "}")
        .addSourceLines(
            "Caller.java",
            "class Caller {",
            "  static void apply(Op op) {",
            "    // BUG: Diagnostic contains: overridden in `Bump`: `with` at line 4",
            "    Bump.COUNTS.with(a -> op.run());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void overriderInAnotherFileDeclaringEnters_isReadFromItsDeclaration() {
    possible
        .addSourceLines("Op.java", "interface Op { void run(); }")
        .addSourceLines(
            "Bump.java",
            "import dev.percpu.*;",
            "import dev.percpu.qual.*;",
            "final class Bump implements Op {",
            "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
            "  @Enters(\"COUNTS\") public void run() { COUNTS.with(b -> b[0]++); }",
            "}")
        .addSourceLines(
            "Caller.java",
            "class Caller {",
            "  static void apply(Op op) {",
            "    // BUG: Diagnostic contains: via `run()` (declared @Enters(\"COUNTS\"))",
            "    Bump.COUNTS.with(a -> op.run());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void throughAHelperThatCallsTheInterface_isPossibleAtTheCall() {
    possible
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Bump implements Op {",
                "    public void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static void go(Op op) { op.run(); }",
                "  static void apply(Op op) {",
                "    // BUG: Diagnostic contains: via `go()`",
                "    COUNTS.with(a -> go(op));",
                "  }"))
        .doTest();
  }

  @Test
  void objectMadeHere_isResolvedNotDispatched() {
    // The made object's implementation is known: definite, with no possible finding besides.
    nested
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Bump implements Op {",
                "    public void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static final class Quiet implements Op {",
                "    public void run() {}",
                "  }",
                "  static void apply() {",
                "    Op op = new Quiet();",
                "    COUNTS.with(a -> op.run());",
                "  }"))
        .doTest();
    possible
        .addSourceLines(
            "Test.java",
            inClass(
                "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
                "  interface Op { void run(); }",
                "  static final class Bump implements Op {",
                "    public void run() { COUNTS.with(b -> b[0]++); }",
                "  }",
                "  static final class Quiet implements Op {",
                "    public void run() {}",
                "  }",
                "  static void apply() {",
                "    Op op = new Quiet();",
                "    Op lambda = () -> {};",
                "    COUNTS.with(a -> op.run());",
                "    COUNTS.with(a -> lambda.run());",
                "  }"))
        .doTest();
  }
}
