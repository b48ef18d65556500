package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PerCpuPossibleNestedAccessTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuPossibleNestedAccess.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- unknown origin, same type argument ----

  @Test
  void parameterInsideFieldEntry_mayAlias() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void merge(PerCpu<long[]> other) {",
        "    counts.with(a -> {",
        "      // BUG: Diagnostic contains: Possible nested entry: parameter `other` may be the allocation entered by the `with` at line 9 (`counts`)",
        "      other.with(b -> a[0] += b[0]);",
        "    });",
        "  }");
  }

  @Test
  void helperEnteringAnInstanceFieldCalledOnAnotherObject_mayNest() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  void run(Test other) {",
        "    // BUG: Diagnostic contains: field `counts` of another object may be the allocation",
        "    counts.with(c -> other.bump());",
        "  }");
  }

  @Test
  void helperReturningAnInstanceFieldCalledOnAnotherObject_mayNest() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private PerCpu<long[]> counts() { return counts; }",
        "  void run(Test other) {",
        "    // BUG: Diagnostic contains: field `counts` of another object",
        "    counts.with(c -> other.counts().with(d -> d[0]++));",
        "  }");
  }

  @Test
  void helperEnteringAnInstanceFieldCalledOnANewObject_isClean() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  private PerCpu<long[]> counts() { return counts; }",
        "  void run() {",
        "    counts.with(c -> new Test().bump());",
        "    counts.with(c -> new Test().counts().with(d -> d[0]++));",
        "  }");
  }

  @Test
  void fieldReadThroughANewObject_isANewAllocation() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() { counts.with(c -> new Test().counts.with(d -> d[0] += c[0])); }");
  }

  @Test
  void fieldReadThroughANewObject_givenItsHandle_mayNest() {
    check(
        "  private final PerCpu<long[]> counts;",
        "  Test(PerCpu<long[]> h) { counts = h; }",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: field `counts` of another object",
        "    counts.with(c -> new Test(h).counts.with(d -> d[0] += c[0]));",
        "  }");
  }

  @Test
  void constructorEnteringItsOwnInstanceField_isClean() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  Test() { counts.with(c -> c[0]++); }",
        "  Test(int unused) {}",
        "  void run() { counts.with(c -> new Test()); }");
  }

  @Test
  void constructorEnteringAFieldAssignedFromItsParameter_mayNest() {
    // The new object's `counts` is whatever handle it was given: perhaps this one's.
    check(
        "  private final PerCpu<long[]> counts;",
        "  Test(PerCpu<long[]> h) { this.counts = h; this.counts.with(c -> c[0]++); }",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: field `counts` of another object",
        "    counts.with(c -> new Test(h));",
        "  }");
  }

  @Test
  void twoParametersOfTheSameType_mayAlias() {
    check(
        "  void merge(PerCpu<long[]> from, PerCpu<long[]> into) {",
        "    // BUG: Diagnostic contains: parameter `into`",
        "    from.with(a -> into.with(b -> b[0] += a[0]));",
        "  }");
  }

  @Test
  void methodResult_mayAlias() {
    check(
        "  PerCpu<long[]> lookup(String name) { return PerCpu.symbol(name, long[].class); }",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: of unknown origin",
        "    h.with(a -> lookup(\"x\").with(b -> b[0]++));",
        "  }");
  }

  @Test
  void collectionElementFromForEach_mayAlias() {
    check(
        "  void run(PerCpu<long[]> h, List<PerCpu<long[]>> all) {",
        "    h.with(a -> all.forEach(other -> {",
        "      // BUG: Diagnostic contains: parameter `other`",
        "      other.with(b -> b[0] += a[0]);",
        "    }));",
        "  }");
  }

  @Test
  void mapValue_mayAlias() {
    check(
        "  void run(PerCpu<long[]> h, Map<String, PerCpu<long[]>> byName) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    h.with(a -> byName.get(\"x\").with(b -> b[0]++));",
        "  }");
  }

  @Test
  void reassignedFieldEnteredInsideItself_mayAlias() {
    check(
        "  private PerCpu<long[]> current = PerCpu.allocate(() -> new long[1]);",
        "  void replace(PerCpu<long[]> next) { current = next; }",
        "  void run() {",
        "    // BUG: Diagnostic contains: non-final field `current`",
        "    current.with(a -> current.with(b -> b[0]++));",
        "  }");
  }

  @Test
  void switchExpressionWithOneArmOnTheEnteredAllocation_isPossible() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void run(int mode) {",
        "    // BUG: Diagnostic contains: one of `a`, `b`",
        "    a.with(x -> (switch (mode) { case 0 -> a; default -> b; }).with(y -> y[0]++));",
        "  }");
  }

  @Test
  void conditionalThatMayBeTheEnteredAllocation_isPossible() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void run(boolean flag) {",
        "    // BUG: Diagnostic contains: one of `a`, `b`",
        "    a.with(x -> (flag ? a : b).with(y -> y[0]++));",
        "  }");
  }

  @Test
  void closurePassedToAnUnknownMethod_makesADefiniteNestingPossible() {
    check(
        "  static void retry(Runnable r) { }",
        "  void run(PerCpu<long[]> h, java.util.function.Consumer<Runnable> sink) {",
        "    h.with(x -> sink.accept(() -> {",
        "      // BUG: Diagnostic contains: Possible nested entry",
        "      h.with(y -> y[0]++);",
        "    }));",
        "  }");
  }

  @Test
  void symbolWithANonConstantName_mayBeAnySymbolOfThatType() {
    check(
        "  void run(String name) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    PerCpu.symbol(\"stats\", long[].class).with(a -> PerCpu.symbol(name, long[].class).with(b -> b[0]++));",
        "  }");
  }

  @Test
  void helperEnteringItsParameter_calledWithAnUnknownHandle() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private static void add(PerCpu<long[]> target) { target.with(t -> t[0]++); }",
        "  void run(PerCpu<long[]> other) {",
        "    // BUG: Diagnostic contains: via `add()`",
        "    counts.with(c -> add(other));",
        "  }");
  }

  @Test
  void sameFieldOfAnotherObject_mayAlias() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(Test other) {",
        "    // BUG: Diagnostic contains: field `counts` of another object",
        "    counts.with(a -> other.counts.with(b -> b[0]++));",
        "  }");
  }

  @Test
  void sameFieldOfTwoVariablesObjects_mayAlias() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> spare = PerCpu.allocate(() -> new long[1]);",
        "  static void run(Test x, Test y) {",
        "    // BUG: Diagnostic contains: field `counts` of another object",
        "    x.counts.with(a -> y.counts.with(b -> b[0]++));",
        "    x.counts.with(a -> y.spare.with(b -> b[0]++));",
        "    x.counts.with(a -> x.spare.with(b -> b[0]++));",
        "  }");
  }

  @Test
  void tokenFromAnUnknownHandle_mayAlias() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      PerCpuToken<long[]> t = b.get(g);",
        "      // BUG: Diagnostic contains: Possible nested entry",
        "      a.get(g).with(x -> t.with(y -> y[0]++));",
        "    }",
        "  }");
  }

  @Test
  void handleOfATypeVariable_mayBeAnyType() {
    check(
        "  <T> void run(PerCpu<T> generic, PerCpu<long[]> concrete) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    concrete.with(a -> generic.with(b -> {}));",
        "  }");
  }

  @Test
  void arrayElements_mayAlias() {
    check(
        "  void run(PerCpu<long[]>[] handles) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    handles[0].with(a -> handles[1].with(b -> b[0]++));",
        "  }");
  }

  @Test
  void localAssignedFromTwoMethodResults_mayAlias() {
    check(
        "  PerCpu<long[]> first() { return null; }",
        "  PerCpu<long[]> second() { return null; }",
        "  void run(boolean flag, PerCpu<long[]> h) {",
        "    PerCpu<long[]> x = first();",
        "    if (flag) { x = second(); }",
        "    PerCpu<long[]> chosen = x;",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    h.with(a -> chosen.with(b -> b[0]++));",
        "  }");
  }

  @Test
  void wildcardHandle_mayAlias() {
    check(
        "  void run(PerCpu<? extends Number> any, PerCpu<Long> longs) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    longs.with(a -> any.with(b -> {}));",
        "  }");
  }

  @Test
  void methodCompiledElsewhereWithoutEnters_mayEnterItsHandleArgument() {
    // A source file compiled with Test would be read by its body: the helper is a class file.
    helper
        .addSourceLines(
            "Test.java",
            "import dev.percpu.*;",
            "import dev.percpu.errorprone.ElsewhereStats;",
            "class Test {",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(x -> {",
            "      // BUG: Diagnostic contains: `bump()`, compiled elsewhere without @Enters, which may enter its argument",
            "      ElsewhereStats.bump(h);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void methodReferenceToAHelperEnteringItsParameter_mayEnterTheElement() {
    check(
        "  private void bump(PerCpu<long[]> target) { target.with(t -> t[0]++); }",
        "  void run(PerCpu<long[]> h, List<PerCpu<long[]>> all) {",
        "    // BUG: Diagnostic contains: an argument of `bump()`",
        "    h.with(x -> all.forEach(this::bump));",
        "  }");
  }

  @Test
  void closurePassedToAnAbstractMethodOfThisUnit_mayRunNow() {
    check(
        "  interface Runner { void run(Runnable r); }",
        "  void use(PerCpu<long[]> h, Runner runner) {",
        "    h.with(x -> runner.run(() -> {",
        "      // BUG: Diagnostic contains: Possible nested entry",
        "      h.with(y -> y[0]++);",
        "    }));",
        "  }");
  }

  // ---- proven distinct, or not nested ----

  @Test
  void methodCompiledElsewhereDeclaringItEntersNothing_isClean() {
    helper
        .addSourceLines(
            "Stats.java",
            "import dev.percpu.*;",
            "import dev.percpu.qual.*;",
            "final class Stats {",
            "  @Enters({}) static long size(PerCpu<long[]> h) { return 1; }",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run(PerCpu<long[]> h) { h.with(x -> x[0] += Stats.size(h)); }",
            "}")
        .doTest();
  }

  @Test
  void jdkMethodsReceivingTheHandle_doNotEnterIt() {
    check(
        "  void run(PerCpu<long[]> h, List<PerCpu<long[]>> all) {",
        "    h.with(x -> { Objects.requireNonNull(h); all.add(h); System.out.println(h); });",
        "  }");
  }

  @Test
  void wrapperDeclaredInThisUnit_isJudgedByWhatItEnters() {
    check(
        "  static final PerCpu<long[]> VALUES = PerCpu.allocate(() -> new long[1]);",
        "  static final PerCpu<long[]> OTHER = PerCpu.allocate(() -> new long[1]);",
        "  @Entering(closure = 0)",
        "  void update(Consumer<long[]> action) { VALUES.with(v -> action.accept(v)); }",
        "  void run() { update(x -> OTHER.with(y -> y[0] += x[0])); }");
  }

  @Test
  void differentTypeArguments_areDistinct() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<int[]> b) {",
        "    a.with(x -> b.with(y -> y[0]++));",
        "  }");
  }

  @Test
  void typeArgumentsDifferingOnlyInsideTheirOwnArguments_areDistinct() {
    check(
        "  void run(PerCpu<java.util.List<String>> a, PerCpu<java.util.List<Integer>> b) {",
        "    a.with(x -> b.with(y -> y.add(1)));",
        "  }");
  }

  @Test
  void typeArgumentWithATypeVariable_mayAlias() {
    check(
        "  <E> void run(PerCpu<java.util.List<String>> a, PerCpu<java.util.List<E>> b) {",
        "    // BUG: Diagnostic contains: parameter `b`",
        "    a.with(x -> b.with(y -> y.clear()));",
        "  }");
  }

  @Test
  void distinctAnnotatedParameters_areDistinct() {
    check(
        "  void merge(@Distinct PerCpu<long[]> from, @Distinct PerCpu<long[]> into) {",
        "    from.with(a -> into.with(b -> b[0] += a[0]));",
        "  }");
  }

  @Test
  void distinctAnnotatedMethodResult_isDistinct() {
    check(
        "  @Distinct PerCpu<long[]> scratch() { return PerCpu.allocate(() -> new long[1]); }",
        "  void run(PerCpu<long[]> h) { h.with(a -> scratch().with(b -> b[0] = a[0])); }");
  }

  @Test
  void freshLocalAllocation_isDistinctFromAParameter() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    PerCpu<long[]> scratch = PerCpu.allocate(() -> new long[1]);",
        "    scratch.with(a -> h.with(b -> a[0] = b[0]));",
        "  }");
  }

  @Test
  void differentFreshSites_areDistinct() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void run() { a.with(x -> b.with(y -> y[0] += x[0])); }");
  }

  @Test
  void differentConstantSymbols_areDistinct() {
    check(
        "  void run() {",
        "    PerCpu.symbol(\"a\", long[].class).with(x -> PerCpu.symbol(\"b\", long[].class).with(y -> y[0]++));",
        "  }");
  }

  @Test
  void definiteNesting_isReportedOnlyByTheErrorCheck() {
    check("  void run(PerCpu<long[]> h) {", "    h.with(x -> h.with(y -> y[0]++));", "  }");
  }

  @Test
  void typeArgumentAliasingFlagOff_silencesUnknownHandles() {
    helper
        .setArgs("-XepOpt:PerCpu:TypeArgumentAliasing=false")
        .addSourceLines(
            "Test.java",
            inClass(
                "  void merge(PerCpu<long[]> from, PerCpu<long[]> into) { from.with(a -> into.with(b -> b[0] += a[0])); }"))
        .doTest();
  }

  @Test
  void closureHandedToAnExecutor_isNotNested() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b, ExecutorService pool) {",
        "    a.with(x -> pool.submit(() -> b.with(y -> y[0]++)));",
        "  }");
  }

  @Test
  void closureStoredInAList_isNotNested() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b, List<Runnable> later) {",
        "    a.with(x -> later.add(() -> b.with(y -> y[0]++)));",
        "  }");
  }

  @Test
  void sequentialEntries_areNotNested() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b) {",
        "    a.with(x -> x[0]++);",
        "    b.with(y -> y[0]++);",
        "  }");
  }

  @Test
  void freshLocalInsideALoop_mayBeAMethodResult() {
    // The model's verdict table: an allocation made in this method is distinct from the method's
    // own parameters (they existed before it), but an unknown handle, such as an overridable
    // method's result, may be it once it has been stored anywhere.
    check(
        "  PerCpu<long[]> lookup() { return null; }",
        "  void run(int n) {",
        "    for (int i = 0; i < n; i++) {",
        "      PerCpu<long[]> local = PerCpu.allocate(() -> new long[1]);",
        "      // BUG: Diagnostic contains: Possible nested entry: a `PerCpu<long[]>` of unknown origin may be the allocation entered by the `with` at line 12 (`local`)",
        "      local.with(a -> lookup().with(b -> b[0]++));",
        "    }",
        "  }");
  }

  @Test
  void closuresInAnImmutableListHandedToInvokeAll_runUnderOtherPins() {
    check(
        "  long run(PerCpu<long[]> h, ExecutorService pool) {",
        "    return h.apply(x -> {",
        "      try {",
        "        return pool.invokeAll(List.of(() -> h.apply(y -> y[0]), () -> h.apply(y -> y[1]))).size();",
        "      } catch (InterruptedException e) {",
        "        throw new IllegalStateException(e);",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void virtualThreadAndScheduledTasks_runUnderOtherPins() {
    check(
        "  void run(PerCpu<long[]> h, ScheduledExecutorService s, java.util.Timer timer) {",
        "    h.with(x -> {",
        "      s.schedule(() -> h.with(y -> y[0]++), 1, TimeUnit.SECONDS);",
        "      timer.schedule(new java.util.TimerTask() { public void run() { h.with(y -> y[0]++); } }, 10);",
        "      CompletableFuture.supplyAsync(() -> 1, s).thenAcceptAsync(v -> h.with(y -> y[0] += v));",
        "    });",
        "  }");
  }

  @Test
  void newThread_isNotNested() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b) {",
        "    a.with(x -> new Thread(() -> b.with(y -> y[0]++)).start());",
        "  }");
  }

  @Test
  void shadowedNamesInDifferentMethods_areIndependent() {
    check(
        "  void one(PerCpu<long[]> h) { h.with(x -> x[0]++); }",
        "  void two(PerCpu<int[]> h, PerCpu<long[]> other) { h.with(x -> other.with(y -> y[0]++)); }");
  }

  @Test
  void tokensOfDifferentTypeArguments_areDistinct() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<int[]> b) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      PerCpuToken<int[]> t = b.get(g);",
        "      a.get(g).with(x -> t.with(y -> y[0]++));",
        "    }",
        "  }");
  }

  @Test
  void suppressWarningsOnTheClass_suppressesTheFinding() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.percpu.*;",
            "@SuppressWarnings(\"PerCpuPossibleNestedAccess\")",
            "class Test {",
            "  void merge(PerCpu<long[]> from, PerCpu<long[]> into) { from.with(a -> into.with(b -> b[0] += a[0])); }",
            "}")
        .doTest();
  }

  @Test
  void severityFlagError_promotesTheFinding() {
    helper
        .setArgs("-Xep:PerCpuPossibleNestedAccess:ERROR")
        .addSourceLines(
            "Test.java",
            inClass(
                "  void merge(PerCpu<long[]> from, PerCpu<long[]> into) {",
                "    // BUG: Diagnostic contains: Possible nested entry",
                "    from.with(a -> into.with(b -> b[0] += a[0]));",
                "  }"))
        .doTest();
  }

  @Test
  void malformedAliasingFlag_doesNotCrashTheCompiler() {
    helper
        .setArgs("-XepOpt:PerCpu:TypeArgumentAliasing=maybe")
        .addSourceLines(
            "Test.java",
            inClass(
                "  void run(PerCpu<long[]> a, PerCpu<long[]> b) { a.with(x -> b.with(y -> {})); }"))
        .doTest();
  }

  // ---- issue 9: closures that run only on some paths ----

  @Test
  void threadPoolMadeHere_runsTheTaskElsewhere() {
    check(
        "  private final ExecutorService pool = Executors.newFixedThreadPool(2);",
        "  void run(PerCpu<long[]> h) {",
        "    ExecutorService local = Executors.newSingleThreadExecutor();",
        "    h.with(x -> pool.execute(() -> h.with(y -> y[0]++)));",
        "    h.with(x -> local.execute(() -> h.with(y -> y[0]++)));",
        "  }");
  }

  @Test
  void optionalSupplierForTheEmptyCase_mayRunNow() {
    check(
        "  void run(PerCpu<long[]> h, Optional<Long> o) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    h.with(x -> x[0] += o.orElseGet(() -> h.apply(y -> y[0])));",
        "  }");
  }

  @Test
  void threadLocalInitialSupplier_mayRunAtGet() {
    check(
        "  static final PerCpu<long[]> H = PerCpu.allocate(() -> new long[1]);",
        "  static final ThreadLocal<long[]> LOCAL =",
        "      ThreadLocal.withInitial(() -> H.apply(y -> new long[] {y[0]}));",
        "  void run() {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    H.with(x -> x[0] += LOCAL.get()[0]);",
        "  }");
  }

  @Test
  void lazyStreamPipelineHandedToAMethod_mayRunNow() {
    check(
        "  static void consume(java.util.stream.Stream<Long> s) {}",
        "  void run(PerCpu<long[]> h, List<Long> xs) {",
        "    // BUG: Diagnostic contains: Possible nested entry",
        "    h.with(x -> consume(xs.stream().map(d -> h.apply(y -> y[0] += d))));",
        "  }");
  }
}
