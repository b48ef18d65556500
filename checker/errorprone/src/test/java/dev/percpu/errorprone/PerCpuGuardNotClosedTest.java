package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PerCpuGuardNotClosedTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuGuardNotClosed.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- not closed by try-with-resources ----

  @Test
  void pinClosedInFinally_isFlagged() {
    check(
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed by try-with-resources",
        "    CpuGuard g = CpuGuard.pin();",
        "    try { g.cpu(); } finally { g.close(); }",
        "  }");
  }

  @Test
  void pinNeverClosed_isFlagged() {
    check(
        "  int run() {",
        "    // BUG: Diagnostic contains: `pin()`",
        "    CpuGuard g = CpuGuard.pin();",
        "    return g.cpu();",
        "  }");
  }

  @Test
  void pinAsAStatement_isFlagged() {
    check(
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard.pin();",
        "  }");
  }

  @Test
  void pinChainedIntoACall_isFlagged() {
    check(
        "  int run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    return CpuGuard.pin().cpu();",
        "  }");
  }

  @Test
  void pinPassedAsAnArgument_isFlagged() {
    check(
        "  void use(CpuGuard g) {}",
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    use(CpuGuard.pin());",
        "  }");
  }

  @Test
  void pinStoredInAField_isFlagged() {
    check(
        "  CpuGuard held;",
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    held = CpuGuard.pin();",
        "  }");
  }

  @Test
  void pinInAFieldInitialiser_isFlagged() {
    check("  // BUG: Diagnostic contains: not closed", "  final CpuGuard held = CpuGuard.pin();");
  }

  @Test
  void pinInsideALambda_isFlagged() {
    check(
        "  Runnable task = () -> {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard g = CpuGuard.pin();",
        "  };");
  }

  @Test
  void pinInALoop_isFlagged() {
    check(
        "  void run(int n) {",
        "    for (int i = 0; i < n; i++) {",
        "      // BUG: Diagnostic contains: not closed",
        "      CpuGuard g = CpuGuard.pin();",
        "      g.close();",
        "    }",
        "  }");
  }

  @Test
  void pinDeclaredBeforeAJava9TryWithResources_isFlagged() {
    check(
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard g = CpuGuard.pin();",
        "    try (g) { g.cpu(); }",
        "  }");
  }

  @Test
  void pinInAStaticInitialiser_isFlagged() {
    check(
        "  static int cpu;",
        "  static {",
        "    // BUG: Diagnostic contains: not closed",
        "    cpu = CpuGuard.pin().cpu();",
        "  }");
  }

  @Test
  void pinInAConstructor_isFlagged() {
    check(
        "  final int cpu;",
        "  Test() {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard g = CpuGuard.pin();",
        "    cpu = g.cpu();",
        "  }");
  }

  @Test
  void pinInAConditional_isFlagged() {
    check(
        "  void run(boolean b, CpuGuard other) {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard g = b ? CpuGuard.pin() : other;",
        "  }");
  }

  @Test
  void pinClosedImmediately_isStillFlagged() {
    check(
        "  void run() {",
        "    // BUG: Diagnostic contains: not closed",
        "    CpuGuard.pin().close();",
        "  }");
  }

  @Test
  void pinInAnAnonymousClass_isFlagged() {
    check(
        "  Runnable task = new Runnable() {",
        "    @Override public void run() {",
        "      // BUG: Diagnostic contains: not closed",
        "      CpuGuard g = CpuGuard.pin();",
        "    }",
        "  };");
  }

  @Test
  void pinInsideTheTryBlockRatherThanItsResources_isFlagged() {
    check(
        "  void run() {",
        "    try (CpuGuard outer = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: not closed",
        "      CpuGuard inner = CpuGuard.pin();",
        "    }",
        "  }");
  }

  // ---- closed ----

  @Test
  void tryWithResources_isClean() {
    check("  int run() { try (CpuGuard g = CpuGuard.pin()) { return g.cpu(); } }");
  }

  @Test
  void varInTryWithResources_isClean() {
    check("  int run() { try (var g = CpuGuard.pin()) { return g.cpu(); } }");
  }

  @Test
  void nestedTryWithResources_isClean() {
    check(
        "  void run() {",
        "    try (CpuGuard a = CpuGuard.pin()) {",
        "      try (CpuGuard b = CpuGuard.pin()) { b.cpu(); }",
        "    }",
        "  }");
  }

  @Test
  void severalResources_areClean() {
    check(
        "  void run() {",
        "    try (CpuGuard a = CpuGuard.pin(); CpuGuard b = CpuGuard.pin()) { a.cpu(); b.cpu(); }",
        "  }");
  }

  @Test
  void tryWithResourcesInALambda_isClean() {
    check("  Runnable task = () -> { try (CpuGuard g = CpuGuard.pin()) { g.cpu(); } };");
  }

  @Test
  void tryWithResourcesWithCatchAndFinally_isClean() {
    check(
        "  void run() {",
        "    try (CpuGuard g = CpuGuard.pin()) { g.cpu(); }",
        "    catch (IllegalStateException e) { throw e; }",
        "    finally { }",
        "  }");
  }

  @Test
  void parenthesisedResourceInitialiser_isClean() {
    check("  void run() { try (CpuGuard g = (CpuGuard.pin())) { g.cpu(); } }");
  }

  @Test
  void guardGivenToTheOnEachCpuCallback_isNotOwnedByTheCallback() {
    check("  void run(PerCpu<long[]> h) { CpuGuard.onEachCpu(g -> h.get(g).with(v -> v[0]++)); }");
  }

  @Test
  void guardParameterUsedWithoutClosing_isClean() {
    check("  int cpuOf(CpuGuard g) { return g.cpu(); }");
  }

  @Test
  void tryWithResourcesInAStaticInitialiser_isClean() {
    check("  static int cpu;", "  static { try (CpuGuard g = CpuGuard.pin()) { cpu = g.cpu(); } }");
  }

  @Test
  void tryWithResourcesInAConstructor_isClean() {
    check("  final int cpu;", "  Test() { try (CpuGuard g = CpuGuard.pin()) { cpu = g.cpu(); } }");
  }

  @Test
  void tryWithResourcesInALoop_isClean() {
    check(
        "  void run(int n) { for (int i = 0; i < n; i++) { try (CpuGuard g = CpuGuard.pin()) { g.cpu(); } } }");
  }

  @Test
  void tryWithResourcesInAnAnonymousClass_isClean() {
    check(
        "  Runnable task = new Runnable() { public void run() { try (CpuGuard g = CpuGuard.pin()) { g.cpu(); } } };");
  }

  @Test
  void codeWithoutPerCpu_isClean() {
    helper
        .addSourceLines(
            "Plain.java",
            "class Plain {",
            "  AutoCloseable open() { return () -> {}; }",
            "  void run() throws Exception { open().close(); }",
            "}")
        .doTest();
  }

  @Test
  void returningAFreshGuard_isLeftToTheEscapeCheck() {
    check("  static CpuGuard pinned() { return CpuGuard.pin(); }");
  }

  @Test
  void suppressWarnings_suppressesTheFinding() {
    check(
        "  @SuppressWarnings(\"PerCpuGuardNotClosed\")",
        "  void run() { CpuGuard g = CpuGuard.pin(); g.close(); }");
  }

  @Test
  void severityFlagOff_disablesTheCheck() {
    helper
        .setArgs("-Xep:PerCpuGuardNotClosed:OFF")
        .addSourceLines("Test.java", inClass("  void run() { CpuGuard.pin(); }"))
        .doTest();
  }
}
