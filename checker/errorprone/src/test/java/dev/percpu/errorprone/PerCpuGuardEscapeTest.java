package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PerCpuGuardEscapeTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuGuardEscape.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- escapes ----

  @Test
  void tokenStoredIntoAField_isFlagged() {
    check(
        "  PerCpuToken<long[]> saved;",
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: PerCpuToken is stored into field `saved`",
        "      saved = h.get(g);",
        "    }",
        "  }");
  }

  @Test
  void guardStoredIntoAField_isFlagged() {
    check(
        "  CpuGuard saved;",
        "  void run() {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: CpuGuard is stored into field `saved`",
        "      this.saved = g;",
        "    }",
        "  }");
  }

  @Test
  void tokenStoredIntoAStaticField_isFlagged() {
    check(
        "  static PerCpuToken<long[]> saved;",
        "  static void run(PerCpu<long[]> h, CpuGuard g) {",
        "    // BUG: Diagnostic contains: stored into field `saved`",
        "    Test.saved = h.get(g);",
        "  }");
  }

  @Test
  void tokenReturned_isFlagged() {
    check(
        "  PerCpuToken<long[]> tokenFor(PerCpu<long[]> h, CpuGuard g) {",
        "    // BUG: Diagnostic contains: PerCpuToken is returned",
        "    return h.get(g);",
        "  }");
  }

  @Test
  void guardReturned_isFlagged() {
    check(
        "  static CpuGuard pinned() {",
        "    // BUG: Diagnostic contains: CpuGuard is returned",
        "    return CpuGuard.pin();",
        "  }");
  }

  @Test
  void lambdaCapturingATokenHandedToAnExecutor_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      PerCpuToken<long[]> t = h.get(g);",
        "      // BUG: Diagnostic contains: captures `t`",
        "      executor.execute(() -> t.with(v -> v[0]++));",
        "    }",
        "  }");
  }

  @Test
  void lambdaCapturingAGuardHandedToAThread_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: captures `g`",
        "      new Thread(() -> h.get(g).with(v -> v[0]++)).start();",
        "    }",
        "  }");
  }

  @Test
  void lambdaCapturingATokenHandedToAnAsyncStage_isFlagged() {
    check(
        "  void run(PerCpuToken<long[]> t) {",
        "    // BUG: Diagnostic contains: captures `t`",
        "    CompletableFuture.runAsync(() -> t.with(v -> v[0]++));",
        "  }");
  }

  @Test
  void tokenAddedToAList_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, CpuGuard g, List<PerCpuToken<long[]>> tokens) {",
        "    // BUG: Diagnostic contains: handed to `add`",
        "    tokens.add(h.get(g));",
        "  }");
  }

  @Test
  void tokenPutIntoAMap_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, CpuGuard g, Map<String, PerCpuToken<long[]>> tokens) {",
        "    // BUG: Diagnostic contains: handed to `put`",
        "    tokens.put(\"x\", h.get(g));",
        "  }");
  }

  @Test
  void guardInAFieldInitialiser_isFlagged() {
    check(
        "  static final PerCpu<long[]> H = PerCpu.allocate(() -> new long[1]);",
        "  // BUG: Diagnostic contains: stored into field `forever`",
        "  final PerCpuToken<long[]> forever = H.get(null);");
  }

  @Test
  void lambdaCapturingATokenStoredIntoAField_isFlagged() {
    check(
        "  Runnable later;",
        "  void run(PerCpuToken<long[]> t) {",
        "    // BUG: Diagnostic contains: stored into field `later`",
        "    later = () -> t.with(v -> v[0]++);",
        "  }");
  }

  @Test
  void lambdaCapturingAGuardReturned_isFlagged() {
    check(
        "  Runnable task(PerCpu<long[]> h, CpuGuard g) {",
        "    // BUG: Diagnostic contains: is returned, but it captures `g`",
        "    return () -> h.get(g).with(v -> v[0]++);",
        "  }");
  }

  @Test
  void anonymousClassCapturingAGuardSubmitted_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, ExecutorService pool, CpuGuard g) {",
        "    // BUG: Diagnostic contains: captures `g`",
        "    pool.submit(new Runnable() { public void run() { h.get(g).with(v -> v[0]++); } });",
        "  }");
  }

  @Test
  void onEachCpuGuardCapturedByAnExecutorTask_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    CpuGuard.onEachCpu(g -> {",
        "      // BUG: Diagnostic contains: captures `g`",
        "      executor.execute(() -> h.get(g).with(v -> v[0]++));",
        "    });",
        "  }");
  }

  @Test
  void methodReferenceBoundToATokenHandedToAnExecutor_isFlagged() {
    check(
        "  void run(PerCpuToken<long[]> t, ScheduledExecutorService s) {",
        "    // BUG: Diagnostic contains: captures `t`",
        "    s.schedule(t::hashCode, 1, TimeUnit.SECONDS);",
        "  }");
  }

  @Test
  void closureHeldInALocalThenHandedToAnExecutor_isFlagged() {
    check(
        "  void run(PerCpuToken<long[]> t, Executor executor) {",
        "    // BUG: Diagnostic contains: handed (as `task`) to `execute`",
        "    Runnable task = () -> t.with(v -> v[0]++);",
        "    executor.execute(task);",
        "  }");
  }

  // ---- stays within the guard ----

  @Test
  void tokenUsedLocally_isClean() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      PerCpuToken<long[]> t = h.get(g);",
        "      t.with(v -> v[0]++);",
        "      t.with(v -> v[0]--);",
        "    }",
        "  }");
  }

  @Test
  void lambdaCapturingATokenRunNowByForEach_isClean() {
    check(
        "  void run(PerCpuToken<long[]> t, List<Integer> items) {",
        "    items.forEach(i -> t.with(v -> v[0] += i));",
        "  }");
  }

  @Test
  void lambdaCapturingATokenRunNowByOptional_isClean() {
    check(
        "  void run(PerCpuToken<long[]> t, Optional<Integer> item) {",
        "    item.ifPresent(i -> t.with(v -> v[0] += i));",
        "  }");
  }

  @Test
  void closureCapturingOnlyAHandleHandedToAnExecutor_isClean() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    executor.execute(() -> h.with(v -> v[0]++));",
        "  }");
  }

  @Test
  void handleStoredInAFieldAndReturned_isClean() {
    check(
        "  PerCpu<long[]> saved;",
        "  PerCpu<long[]> keep(PerCpu<long[]> h) { saved = h.clone(); return saved; }");
  }

  @Test
  void cpuNumberReturnedFromAGuard_isClean() {
    check("  int cpu() { try (CpuGuard g = CpuGuard.pin()) { return g.cpu(); } }");
  }

  @Test
  void guardCapturedByALambdaGivenToAnEnteringMethod_isClean() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<int[]> b) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      a.get(g).with(x -> b.get(g).with(y -> y[0]++));",
        "    }",
        "  }");
  }

  @Test
  void tokenFieldSetToNull_isClean() {
    check("  PerCpuToken<long[]> saved;", "  void clear() { saved = null; }");
  }

  @Test
  void tokenCreatedInsideTheDeferredTask_isClean() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    executor.execute(() -> {",
        "      try (CpuGuard g = CpuGuard.pin()) { PerCpuToken<long[]> t = h.get(g); t.with(v -> v[0]++); }",
        "    });",
        "  }");
  }

  @Test
  void closureCapturingATokenHeldInALocal_isClean() {
    check(
        "  void run(PerCpuToken<long[]> t) {",
        "    Runnable r = () -> t.with(v -> v[0]++);",
        "    r.run();",
        "  }");
  }

  @Test
  void lambdaReturningATokenFromInsideALambda_isNotAMethodReturn() {
    check(
        "  void run(PerCpu<long[]> h, CpuGuard g) {",
        "    Function<PerCpu<long[]>, Integer> f = x -> { x.get(g).with(v -> v[0]++); return 1; };",
        "    f.apply(h);",
        "  }");
  }

  @Test
  void guardPassedToAHelper_isClean() {
    check(
        "  int cpuOf(CpuGuard g) { return g.cpu(); }",
        "  int run() { try (CpuGuard g = CpuGuard.pin()) { return cpuOf(g); } }");
  }

  @Test
  void streamOverTokensRunNow_isClean() {
    check(
        "  long run(List<PerCpu<long[]>> hs, CpuGuard g) {",
        "    return hs.stream().mapToLong(h -> h.get(g).apply(v -> v[0])).sum();",
        "  }");
  }

  @Test
  void closureCapturingAGuardGivenToOnEachCpu_runsNow() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard outer = CpuGuard.pin()) {",
        "      CpuGuard.onEachCpu(g -> h.get(outer).with(v -> v[0] += g.cpu()));",
        "    }",
        "  }");
  }

  @Test
  void tokenStoredInALocalArrayInsideTheTry_isClean() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      List<PerCpuToken<long[]>> local = List.of(a.get(g), b.get(g));",
        "      local.forEach(t -> t.with(v -> v[0]++));",
        "    }",
        "  }");
  }

  @Test
  void closureCapturingATokenGivenToAnInvokesClosureHelper_runsNow() {
    check(
        "  @InvokesClosure(0) static void twice(Runnable r) { r.run(); r.run(); }",
        "  void run(PerCpuToken<long[]> t) {",
        "    twice(() -> t.with(v -> v[0]++));",
        "  }");
  }

  @Test
  void suppressWarnings_suppressesTheFinding() {
    check(
        "  PerCpuToken<long[]> saved;",
        "  @SuppressWarnings(\"PerCpuGuardEscape\")",
        "  void run(PerCpu<long[]> h, CpuGuard g) { saved = h.get(g); }");
  }

  @Test
  void severityFlagWarn_keepsTheFinding() {
    helper
        .setArgs("-Xep:PerCpuGuardEscape:WARN")
        .addSourceLines(
            "Test.java",
            inClass(
                "  PerCpuToken<long[]> saved;",
                "  // BUG: Diagnostic contains: stored into field",
                "  void run(PerCpu<long[]> h, CpuGuard g) { saved = h.get(g); }"))
        .doTest();
  }
}
