package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PerCpuNestedAccessTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuNestedAccess.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- identity paths ----

  @Test
  void kernelForbiddenExample_cloneEnteredThroughTokenInsideToken_isFlagged() {
    check(
        "  void run() {",
        "    PerCpu<long[]> pcpu = PerCpu.allocate(() -> new long[1]);",
        "    PerCpu<long[]> pcpu2 = pcpu.clone();",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      pcpu.get(g).with(a -> {",
        "        // BUG: Diagnostic contains: Nested entry of `pcpu`: it is already entered by the `with` at line 11",
        "        pcpu2.get(g).with(b -> b[0]++);",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void sameVariable_enteredInsideItsOwnClosure_isFlagged() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    counts.with(a -> {",
        "      // BUG: Diagnostic contains: `counts`",
        "      counts.with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void oneLocalsFieldAndItsClone_isTheSameAllocation() {
    check(
        "  private final PerCpu<long[]> own = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> ownClone;",
        "  Test() { ownClone = own.clone(); }",
        "  static void run() {",
        "    Test m = new Test();",
        "    m.own.with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry of field `ownClone` of another object",
        "      m.ownClone.with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void wrapperMethodEnteringItsField_onOneLocalTwice_isTheSameAllocation() {
    check(
        "  static final class Shard {",
        "    private final PerCpu<long[]> values;",
        "    Shard(PerCpu<long[]> values) { this.values = values; }",
        "    @Enters(\"values\") void update(Runnable r) { values.with(v -> r.run()); }",
        "  }",
        "  static void run(PerCpu<long[]> h) {",
        "    Shard shard = new Shard(h);",
        "    shard.values.with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry",
        "      shard.update(() -> {});",
        "    });",
        "  }");
  }

  @Test
  void privateFieldNeverReassigned_isTheSameAllocation() {
    check(
        "  private PerCpu<long[]> counts;",
        "  Test() { counts = PerCpu.allocate(() -> new long[1]); }",
        "  void run() {",
        "    counts.with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry of `counts`",
        "      this.counts.with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void outerInstanceFieldFromAnInnerClass_isTheSameAllocation() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  class Inner {",
        "    void run() {",
        "      counts.with(a -> {",
        "        // BUG: Diagnostic contains: Nested entry of `counts`",
        "        Test.this.counts.with(b -> b[0]++);",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void recursiveMethodEnteringInsideItsOwnEntry_isFlagged() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void walk(int depth) {",
        "    counts.with(c -> {",
        "      c[0]++;",
        "      // BUG: Diagnostic contains: via `walk()`",
        "      if (depth > 0) walk(depth - 1);",
        "    });",
        "  }");
  }

  @Test
  void staticMethodReferencePassedToForEach_isFollowed() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  static void add(Integer n) { COUNTS.with(c -> c[0] += n); }",
        "  void run(List<Integer> xs) {",
        "    // BUG: Diagnostic contains: via `add()`",
        "    COUNTS.with(c -> xs.forEach(Test::add));",
        "  }");
  }

  @Test
  void constructorOfThisUnitEnteringItsArgument_isFlaggedAtTheNew() {
    check(
        "  static final class Recorder {",
        "    Recorder(PerCpu<long[]> target) { target.with(t -> t[0]++); }",
        "  }",
        "  void run(PerCpu<long[]> h) {",
        "    h.with(a -> {",
        "      // BUG: Diagnostic contains: via `new Recorder()`",
        "      new Recorder(h.clone());",
        "    });",
        "  }");
  }

  @Test
  void wrapperDeclaredInThisUnit_isUnderstoodThroughItsBody() {
    check(
        "  static final PerCpu<long[]> VALUES = PerCpu.allocate(() -> new long[1]);",
        "  @Entering(closure = 0)",
        "  void update(Consumer<long[]> action) { VALUES.with(v -> action.accept(v)); }",
        "  void run() {",
        "    update(x -> {",
        "      // BUG: Diagnostic contains: Nested entry of `VALUES`",
        "      VALUES.with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void helperChainTwelveCallsDeepDeclaredTopDown_isFollowed() {
    check(
        "  static final PerCpu<long[]> STATS = PerCpu.allocate(() -> new long[1]);",
        "  private static void h1() { h2(); }",
        "  private static void h2() { h3(); }",
        "  private static void h3() { h4(); }",
        "  private static void h4() { h5(); }",
        "  private static void h5() { h6(); }",
        "  private static void h6() { h7(); }",
        "  private static void h7() { h8(); }",
        "  private static void h8() { h9(); }",
        "  private static void h9() { h10(); }",
        "  private static void h10() { h11(); }",
        "  private static void h11() { h12(); }",
        "  private static void h12() { STATS.with(c -> c[0]++); }",
        "  void run() {",
        "    STATS.with(c -> {",
        "      // BUG: Diagnostic contains: via `h1()`",
        "      h1();",
        "    });",
        "  }");
  }

  @Test
  void privateGetterReturningAField_isThatField() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private PerCpu<long[]> counts() { return counts; }",
        "  private static PerCpu<long[]> aliasOf(PerCpu<long[]> h) { return h.clone(); }",
        "  void run() {",
        "    counts().with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry of `counts`",
        "      aliasOf(counts()).with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void factoryMethodAllocatingOnEveryCall_givesDistinctAllocations() {
    check(
        "  private static PerCpu<long[]> make() { return PerCpu.allocate(() -> new long[1]); }",
        "  void run() {",
        "    make().with(a -> make().with(b -> b[0] += a[0]));",
        "    PerCpu<long[]> one = make();",
        "    one.with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry of `one`",
        "      one.with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void overridableGetter_isOnlyAMethodResult() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  PerCpu<long[]> counts() { return counts; }",
        "  void run() { counts().with(a -> counts().with(b -> b[0]++)); }");
  }

  @Test
  void cloneChain_isTheSameAllocation() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    PerCpu<long[]> c = h.clone().clone();",
        "    h.with(a -> {",
        "      // BUG: Diagnostic contains: Nested entry of parameter `h`",
        "      c.clone().with(b -> b[0]++);",
        "    });",
        "  }");
  }

  @Test
  void finalFieldInitialisedFromAnotherFieldsClone_isTheSameAllocation() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> b = a.clone();",
        "  void run() {",
        "    a.with(x -> {",
        "      // BUG: Diagnostic contains: Nested entry of `a`",
        "      b.with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void finalFieldAssignedInConstructorFromClone_isTheSameAllocation() {
    check(
        "  private final PerCpu<long[]> a;",
        "  private final PerCpu<long[]> b;",
        "  Test(PerCpu<long[]> source) { this.a = source; this.b = this.a.clone(); }",
        "  void run() {",
        "    a.with(x -> {",
        "      // BUG: Diagnostic contains: field `a`",
        "      b.with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void symbolLookupWithTheSameConstant_isTheSameAllocation() {
    check(
        "  static final String NAME = \"requests\";",
        "  static final PerCpu<long[]> DEFINED = PerCpu.define(NAME, long[].class, () -> new long[1]);",
        "  void run() {",
        "    DEFINED.with(x -> {",
        "      // BUG: Diagnostic contains: symbol \"requests\"",
        "      PerCpu.symbol(\"req\" + \"uests\", long[].class).with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void tokenMadeEarlier_isTheHandlesAllocation() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      PerCpuToken<long[]> t = h.get(g);",
        "      h.with(x -> {",
        "        // BUG: Diagnostic contains: parameter `h`",
        "        t.with(y -> y[0]++);",
        "      });",
        "    }",
        "  }");
  }

  @Test
  void nestedPin_staysOnTheSameCpu() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    h.with(x -> {",
        "      try (CpuGuard inner = CpuGuard.pin()) {",
        "        // BUG: Diagnostic contains: already entered by the `with` at line 8",
        "        h.get(inner).with(y -> y[0]++);",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void onEachCpuCallback_nestsOnTheCallbacksCpu() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    CpuGuard.onEachCpu(g -> h.get(g).with(x -> {",
        "      // BUG: Diagnostic contains: parameter `h`",
        "      h.with(y -> y[0]++);",
        "    }));",
        "  }");
  }

  @Test
  void conditionalWhoseBranchesAreTheSameAllocation_isDefinite() {
    check(
        "  void run(PerCpu<long[]> h, boolean flag) {",
        "    h.with(x -> {",
        "      // BUG: Diagnostic contains: Nested entry",
        "      (flag ? h : h.clone()).with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void localAssignedTheSameAllocationOnEveryBranch_isDefinite() {
    check(
        "  void run(PerCpu<long[]> h, boolean flag) {",
        "    PerCpu<long[]> alias;",
        "    if (flag) {",
        "      alias = h.clone();",
        "    } else {",
        "      alias = h;",
        "    }",
        "    h.with(x -> {",
        "      // BUG: Diagnostic contains: Nested entry",
        "      alias.with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void switchExpressionWhoseArmsAreTheSameAllocation_isDefinite() {
    check(
        "  void run(PerCpu<long[]> h, int mode) {",
        "    PerCpu<long[]> chosen = switch (mode) {",
        "      case 0 -> h;",
        "      case 1 -> h.clone();",
        "      default -> { PerCpu<long[]> c = h.clone().clone(); yield c; }",
        "    };",
        "    h.with(x -> {",
        "      // BUG: Diagnostic contains: Nested entry of parameter `h`",
        "      chosen.with(y -> y[0]++);",
        "    });",
        "  }");
  }

  @Test
  void applyInsideWith_isFlagged() {
    check(
        "  long run(PerCpu<long[]> h) {",
        "    return h.apply(x -> {",
        "      // BUG: Diagnostic contains: already entered by the `apply` at line 8",
        "      return x[0] + h.apply(y -> y[0]);",
        "    });",
        "  }");
  }

  // ---- reach paths ----

  @Test
  void methodReferenceToHelperThatEnters_isFlaggedAtTheReference() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void bump(long[] ignored) { counts.with(c -> c[0]++); }",
        "  void run() {",
        "    // BUG: Diagnostic contains: entered again via `bump()`",
        "    counts.with(this::bump);",
        "  }");
  }

  @Test
  void anonymousClassClosure_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    h.with(new Consumer<long[]>() {",
        "      @Override public void accept(long[] x) {",
        "        // BUG: Diagnostic contains: parameter `h`",
        "        h.with(y -> y[0]++);",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void lambdaPassedToForEach_runsInsideTheEntry() {
    check(
        "  void run(PerCpu<long[]> h, List<Integer> items) {",
        "    h.with(x -> items.forEach(i -> {",
        "      // BUG: Diagnostic contains: Nested entry",
        "      h.with(y -> y[0] += i);",
        "    }));",
        "  }");
  }

  @Test
  void privateHelperEnteringAField_isReportedAtTheCallSiteOnly() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() {",
        "    counts.with(c -> c[0]++);",
        "  }",
        "  void run() {",
        "    counts.with(c -> {",
        "      // BUG: Diagnostic contains: entered again via `bump()` (`with` at line 9)",
        "      bump();",
        "    });",
        "  }");
  }

  @Test
  void helperEnteringAnInstanceFieldCalledOnAnotherObject_isNotDefinite() {
    // `other` may be another object, with its own `counts`: at most possible (the other check).
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  void run(Test other) { counts.with(c -> other.bump()); }");
  }

  @Test
  void helperEnteringAnInstanceFieldCalledOnANewObject_isNotDefinite() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  void run() { counts.with(c -> new Test().bump()); }");
  }

  @Test
  void constructorEnteringItsOwnInstanceField_isNotDefinite() {
    // The constructor runs on the object it makes, whose `counts` is a new allocation.
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  Test() { counts.with(c -> c[0]++); }",
        "  Test(int unused) {}",
        "  void run() { counts.with(c -> new Test()); }");
  }

  @Test
  void helperEnteringAnInstanceFieldCalledExplicitlyOnThis_isFlagged() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  void run() {",
        "    // BUG: Diagnostic contains: Nested entry of `counts`",
        "    counts.with(c -> this.bump());",
        "  }");
  }

  @Test
  void helperEnteringAStaticFieldCalledOnAnotherObject_isFlagged() {
    // A static field's allocation is the class's: the same whichever object the helper runs on.
    check(
        "  private static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  private void bump() { COUNTS.with(c -> c[0]++); }",
        "  void run(Test other) {",
        "    // BUG: Diagnostic contains: Nested entry of `COUNTS`",
        "    COUNTS.with(c -> other.bump());",
        "  }");
  }

  @Test
  void instanceFieldInitialisedFromAStaticField_isTheClassesAllocationThroughAnyObject() {
    check(
        "  private static final PerCpu<long[]> SHARED = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> counts = SHARED;",
        "  private void bump() { counts.with(c -> c[0]++); }",
        "  void run() {",
        "    // BUG: Diagnostic contains: Nested entry of `SHARED`",
        "    SHARED.with(c -> new Test().bump());",
        "  }");
  }

  @Test
  void staticHelperEnteringItsHandleParameter_isInstantiatedWithTheArgument() {
    check(
        "  private static void add(PerCpu<long[]> target, long n) {",
        "    target.with(c -> c[0] += n);",
        "  }",
        "  void run(PerCpu<long[]> h) {",
        "    PerCpu<long[]> alias = h.clone();",
        "    h.with(c -> {",
        "      // BUG: Diagnostic contains: via `add()`",
        "      add(alias, 1);",
        "    });",
        "  }");
  }

  @Test
  void helperTwoCallsDeep_isFlagged() {
    check(
        "  static final PerCpu<long[]> STATS = PerCpu.define(\"stats\", long[].class, () -> new long[1]);",
        "  private static void inner() { PerCpu.symbol(\"stats\", long[].class).with(c -> c[0]++); }",
        "  private static void outer() { inner(); }",
        "  void run() {",
        "    STATS.with(c -> {",
        "      // BUG: Diagnostic contains: via `outer()`",
        "      outer();",
        "    });",
        "  }");
  }

  @Test
  void helperThatInvokesItsClosureInsideAnEntry_nestsTheClosuresEntries() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private void locked(Runnable body) {",
        "    counts.with(c -> body.run());",
        "  }",
        "  void run() {",
        "    locked(() -> {",
        "      // BUG: Diagnostic contains: Nested entry of `counts`",
        "      counts.with(c -> c[0]++);",
        "    });",
        "  }");
  }

  @Test
  void entryInsideLoopBranchAndTryCatch_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, int n) {",
        "    h.with(x -> {",
        "      for (int i = 0; i < n; i++) {",
        "        if (i % 2 == 0) {",
        "          try {",
        "            // BUG: Diagnostic contains: Nested entry",
        "            h.with(y -> y[0]++);",
        "          } catch (RuntimeException e) {",
        "            throw e;",
        "          }",
        "        }",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void closureHeldInAStaticFinalFieldAndRunInside_isFlagged() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  static final Runnable BUMP = () -> COUNTS.with(b -> b[0]++);",
        "  void run() {",
        "    // BUG: Diagnostic contains: entered again via the closure `BUMP` (line 8)",
        "    COUNTS.with(a -> BUMP.run());",
        "  }");
  }

  @Test
  void closureReturnedByAPrivateMethodAndRunInside_isFlagged() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  private static Runnable later() { return () -> COUNTS.with(b -> b[0]++); }",
        "  void run() {",
        "    // BUG: Diagnostic contains: entered again via the closure returned by `later()` (line 8)",
        "    COUNTS.with(a -> later().run());",
        "  }");
  }

  @Test
  void interfaceCallOnAnObjectMadeHere_runsItsClassImplementation() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  interface Op { void run(); }",
        "  static final class Bump implements Op {",
        "    public void run() { COUNTS.with(b -> b[0]++); }",
        "  }",
        "  void run() {",
        "    Op op = new Bump();",
        "    // BUG: Diagnostic contains: Nested entry of `COUNTS`",
        "    COUNTS.with(a -> op.run());",
        "  }");
  }

  @Test
  void instanceOfALocalClassAsTheClosure_runsItsMethodsInside() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    class Again implements Consumer<long[]> {",
        "      public void accept(long[] slot) {",
        "        // BUG: Diagnostic contains: Nested entry of `COUNTS`",
        "        COUNTS.with(b -> b[0]++);",
        "      }",
        "    }",
        "    COUNTS.with(new Again());",
        "  }");
  }

  @Test
  void methodOfALocalClassThatImplementsNothing_doesNotRunAsTheClosure() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    class Again implements Consumer<long[]> {",
        "      public void accept(long[] slot) { slot[0]++; }",
        "      void unrelated() { COUNTS.with(b -> b[0]++); }",
        "    }",
        "    COUNTS.with(new Again());",
        "  }");
  }

  @Test
  void localClassThatEntersAgainThroughItsOwnInstance_isScannedOnce() {
    // accept() enters OTHER with a new Again as the closure, whose accept() enters OTHER again.
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  static final PerCpu<long[]> OTHER = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    class Again implements Consumer<long[]> {",
        "      // BUG: Diagnostic contains: Nested entry of `OTHER`",
        "      public void accept(long[] slot) { OTHER.with(new Again()); }",
        "    }",
        "    COUNTS.with(new Again());",
        "  }");
  }

  @Test
  void closuresThatRunThemselves_areScannedOnce() {
    check(
        "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
        "  static final Runnable A = () -> Test.B.run();",
        "  static final Runnable B = () -> A.run();",
        "  private static Runnable again() { return () -> again().run(); }",
        "  void run() {",
        "    COUNTS.with(a -> A.run());",
        "    COUNTS.with(a -> again().run());",
        "  }");
  }

  @Test
  void closureHeldInALocalAndRunInside_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    Runnable r = () -> h.with(y -> y[0]++);",
        "    h.with(x -> {",
        "      // BUG: Diagnostic contains: entered again via the closure `r` (line 8)",
        "      r.run();",
        "    });",
        "  }");
  }

  @Test
  void userWrapperAnnotatedEntering_isUnderstood() {
    helper
        .addSourceLines(
            "Shard.java",
            "import dev.percpu.*;",
            "import dev.percpu.qual.*;",
            "import java.util.function.*;",
            "final class Shard {",
            "  static final PerCpu<long[]> VALUES = PerCpu.allocate(() -> new long[1]);",
            "  @Entering(closure = 0, handle = -1)",
            "  void update(Consumer<long[]> action) { VALUES.with(action); }",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void run(Shard s) {",
            "    s.update(x -> {",
            "      // BUG: Diagnostic contains: parameter `s`",
            "      s.update(y -> y[0]++);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void finalFieldsOfAnotherFileInTheSameCompilation_areResolvedThroughTheirInitialisers() {
    helper
        .addSourceLines(
            "Counters.java",
            "import dev.percpu.*;",
            "final class Counters {",
            "  static final PerCpu<long[]> HITS = PerCpu.allocate(() -> new long[1]);",
            "  static final PerCpu<long[]> HITS_ALIAS = HITS.clone();",
            "  static final PerCpu<long[]> MISSES = PerCpu.allocate(() -> new long[1]);",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void run() {",
            "    Counters.HITS.with(a -> {",
            "      Counters.MISSES.with(m -> m[0]++);",
            "      // BUG: Diagnostic contains: Nested entry of `HITS`",
            "      Counters.HITS_ALIAS.with(b -> b[0]++);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void declaredEntersEffectOfAMethodCompiledElsewhere_isUsed() {
    helper
        .addSourceLines(
            "Metrics.java",
            "import dev.percpu.*;",
            "import dev.percpu.qual.*;",
            "final class Metrics {",
            "  static final PerCpu<long[]> REQUESTS = PerCpu.define(\"requests\", long[].class, () -> new long[1]);",
            "  @Enters(\"symbol:requests\")",
            "  static void record() { REQUESTS.with(r -> r[0]++); }",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.percpu.*;",
            "class Test {",
            "  void run() {",
            "    PerCpu.symbol(\"requests\", long[].class).with(x -> {",
            "      // BUG: Diagnostic contains: via `record()`",
            "      Metrics.record();",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void configuredApiMethod_isUnderstood() {
    helper
        .setArgs("-XepOpt:PerCpu:ApiMethods=Shard#update=entering:0")
        .addSourceLines(
            "Shard.java",
            "import java.util.function.*;",
            "final class Shard {",
            "  void update(Consumer<long[]> action) {}",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void run(Shard s) {",
            "    s.update(x -> {",
            "      // BUG: Diagnostic contains: Nested entry",
            "      s.update(y -> y[0]++);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  // ---- negatives ----

  @Test
  void independentAllocationsNested_areClean() {
    check(
        "  final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    a.with(x -> b.with(y -> y[0] += x[0]));",
        "  }");
  }

  @Test
  void sequentialEntriesOnClones_areClean() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    PerCpu<long[]> c = h.clone();",
        "    h.with(x -> x[0]++);",
        "    c.with(y -> y[0]++);",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      h.get(g).with(x -> x[0]++);",
        "      c.get(g).with(y -> y[0]++);",
        "    }",
        "  }");
  }

  @Test
  void cloneTakenInsideClosureButEnteredLater_isClean() {
    check(
        "  PerCpu<long[]> saved;",
        "  void run(PerCpu<long[]> h) {",
        "    List<PerCpu<long[]>> later = new ArrayList<>();",
        "    h.with(x -> later.add(h.clone()));",
        "    later.get(0).with(y -> y[0]++);",
        "  }");
  }

  @Test
  void differentTypeArguments_areNotDefinite() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<int[]> b) {",
        "    a.with(x -> b.with(y -> y[0]++));",
        "  }");
  }

  @Test
  void closureStoredInAList_isNotNested() {
    check(
        "  final List<Runnable> tasks = new ArrayList<>();",
        "  void run(PerCpu<long[]> h) {",
        "    h.with(x -> tasks.add(() -> h.with(y -> y[0]++)));",
        "  }");
  }

  @Test
  void closureHandedToAnExecutor_runsUnderAnotherPin() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    h.with(x -> executor.execute(() -> h.with(y -> y[0]++)));",
        "  }");
  }

  @Test
  void closureHandedToANewThread_runsUnderAnotherPin() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    h.with(x -> new Thread(() -> h.with(y -> y[0]++)).start());",
        "  }");
  }

  @Test
  void asyncCompletableFutureStage_runsUnderAnotherPin() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    h.with(x -> CompletableFuture.runAsync(() -> h.with(y -> y[0]++)));",
        "    h.with(x -> CompletableFuture.supplyAsync(() -> h.apply(y -> y[0])).thenApplyAsync(v -> h.apply(y -> y[0] + v)));",
        "  }");
  }

  @Test
  void shadowedNamesInDifferentMethods_areDifferentVariables() {
    check(
        "  final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void first() { PerCpu<long[]> h = a; h.with(x -> b.with(y -> y[0]++)); }",
        "  void second() { PerCpu<long[]> h = b; a.with(x -> h.with(y -> y[0]++)); }");
  }

  @Test
  void differentConstantSymbols_areDifferentAllocations() {
    check(
        "  void run() {",
        "    PerCpu.symbol(\"a\", long[].class).with(x -> PerCpu.symbol(\"b\", long[].class).with(y -> y[0]++));",
        "  }");
  }

  @Test
  void conditionalBetweenDifferentAllocations_isAtMostPossible() {
    check(
        "  final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  void run(boolean flag) {",
        "    a.with(x -> (flag ? a : b).with(y -> y[0]++));",
        "  }");
  }

  @Test
  void twoParametersOfTheSameType_areAtMostPossible() {
    check(
        "  void run(PerCpu<long[]> a, PerCpu<long[]> b) {",
        "    a.with(x -> b.with(y -> y[0]++));",
        "  }");
  }

  @Test
  void helperEnteringAnotherAllocation_isClean() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);",
        "  private void bumpB() { b.with(y -> y[0]++); }",
        "  void run() { a.with(x -> bumpB()); }");
  }

  @Test
  void helperThatStoresItsClosure_doesNotNestIt() {
    check(
        "  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "  private final List<Runnable> later = new ArrayList<>();",
        "  private void defer(Runnable r) { later.add(r); }",
        "  void run() { a.with(x -> defer(() -> a.with(y -> y[0]++))); }");
  }

  @Test
  void lambdaInAFieldInitialiser_isNotNestedInAnything() {
    check(
        "  static final PerCpu<long[]> A = PerCpu.allocate(() -> new long[1]);",
        "  final Runnable bump = () -> A.with(x -> x[0]++);",
        "  void run() { A.with(x -> x[0]++); bump.run(); }");
  }

  @Test
  void localReassignedToAnotherAllocation_isNotDefinite() {
    check(
        "  void run(boolean flag) {",
        "    PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);",
        "    PerCpu<long[]> h = a;",
        "    if (flag) { h = PerCpu.allocate(() -> new long[1]); }",
        "    PerCpu<long[]> chosen = h;",
        "    a.with(x -> chosen.with(y -> y[0]++));",
        "  }");
  }

  @Test
  void suppressWarningsOnTheMethod_suppressesTheFinding() {
    check(
        "  @SuppressWarnings(\"PerCpuNestedAccess\")",
        "  void run(PerCpu<long[]> h) {",
        "    h.with(x -> h.with(y -> y[0]++));",
        "  }");
  }

  @Test
  void severityFlagOff_disablesTheCheck() {
    helper
        .setArgs("-Xep:PerCpuNestedAccess:OFF")
        .addSourceLines(
            "Test.java",
            inClass("  void run(PerCpu<long[]> h) { h.with(x -> h.with(y -> y[0]++)); }"))
        .doTest();
  }

  @Test
  void severityFlagWarn_keepsTheFinding() {
    helper
        .setArgs("-Xep:PerCpuNestedAccess:WARN")
        .addSourceLines(
            "Test.java",
            inClass(
                "  void run(PerCpu<long[]> h) {",
                "    // BUG: Diagnostic contains: Nested entry",
                "    h.with(x -> h.with(y -> y[0]++));",
                "  }"))
        .doTest();
  }

  @Test
  void malformedAliasingFlag_isAClearErrorReportedOncePerCompilation() {
    helper
        .setArgs("-XepOpt:PerCpu:TypeArgumentAliasing=maybe")
        .addSourceLines(
            "A.java",
            "// BUG: Diagnostic contains: invalid percpu flag -XepOpt:PerCpu:TypeArgumentAliasing=maybe: expected true or false",
            "class A {}")
        .addSourceLines("B.java", "class B {}")
        .doTest();
  }

  @Test
  void malformedApiMethodsFlag_isAClearErrorNamingTheEntry() {
    helper
        .setArgs("-XepOpt:PerCpu:ApiMethods=Shard#update=teleport:0")
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: invalid percpu flag -XepOpt:PerCpu:ApiMethods: invalid percpu API method spec 'Shard#update=teleport:0': unknown role 'teleport'",
            "class Test {}")
        .doTest();
  }

  @Test
  void docsUrlFlag_linksTheChecksPageUnderIt() {
    helper
        .setArgs("-XepOpt:PerCpu:DocsUrl=https://example.org/percpu/docs")
        .addSourceLines(
            "Test.java",
            inClass(
                "  void run(PerCpu<long[]> h) {",
                "    // BUG: Diagnostic contains: (see https://example.org/percpu/docs/bugpattern/PerCpuNestedAccess.md)",
                "    h.with(x -> h.with(y -> y[0]++));",
                "  }"))
        .doTest();
  }

  @Test
  void withoutDocsUrl_theDiagnosticLinksNothing() {
    helper
        .expectErrorMessage("NESTED", message -> !message.contains("(see "))
        .addSourceLines(
            "Test.java",
            inClass(
                "  void run(PerCpu<long[]> h) {",
                "    // BUG: Diagnostic matches: NESTED",
                "    h.with(x -> h.with(y -> y[0]++));",
                "  }"))
        .doTest();
  }

  @Test
  void malformedDocsUrlFlag_isAClearErrorNamingIt() {
    helper
        .setArgs("-XepOpt:PerCpu:DocsUrl=docs/")
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: invalid percpu flag -XepOpt:PerCpu:DocsUrl=docs/: expected an absolute http(s) URL",
            "class Test {}")
        .doTest();
  }

  // ---- issue 9: shapes real code is written in ----

  @Test
  void threadRunCalledDirectly_runsTheRunnableNow_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: the closure given to",
        "    h.with(x -> new Thread(() -> h.with(y -> y[0]++)).run());",
        "  }");
  }

  @Test
  void threadHeldInALocalAndRun_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    Thread t = new Thread(() -> h.with(y -> y[0]++));",
        "    // BUG: Diagnostic contains: Nested entry",
        "    h.with(x -> t.run());",
        "  }");
  }

  @Test
  void threadHeldInALocalAndStarted_isNotNested() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    Thread t = new Thread(() -> h.with(y -> y[0]++));",
        "    h.with(x -> t.start());",
        "  }");
  }

  @Test
  void methodReferenceToTheEnteringMethod_runInsideTheEntry_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    Consumer<Consumer<long[]>> enter = h::with;",
        "    // BUG: Diagnostic contains: Nested entry",
        "    h.with(x -> enter.accept(y -> y[0]++));",
        "  }");
  }

  @Test
  void closureInAFinalField_runInsideTheEntry_isFlagged() {
    check(
        "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  private final Runnable bump = () -> counts.with(y -> y[0]++);",
        "  void run() {",
        "    // BUG: Diagnostic contains: Nested entry",
        "    counts.with(x -> bump.run());",
        "  }");
  }

  @Test
  void varargsHelperGivenTheEnteredHandle_isFlagged() {
    check(
        "  @SafeVarargs static void bumpAll(PerCpu<long[]>... hs) {",
        "    for (PerCpu<long[]> h : hs) { h.with(y -> y[0]++); }",
        "  }",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: Nested entry",
        "    h.with(x -> bumpAll(h));",
        "  }");
  }

  @Test
  void varargsHelperGivenOtherAllocations_isClean() {
    check(
        "  static final PerCpu<long[]> A = PerCpu.allocate(() -> new long[1]);",
        "  static final PerCpu<long[]> B = PerCpu.allocate(() -> new long[1]);",
        "  static final PerCpu<long[]> C = PerCpu.allocate(() -> new long[1]);",
        "  @SafeVarargs static void bumpAll(PerCpu<long[]>... hs) {",
        "    for (PerCpu<long[]> h : hs) { h.with(y -> y[0]++); }",
        "  }",
        "  void run() {",
        "    A.with(x -> bumpAll(B, C));",
        "  }");
  }

  @Test
  void helperNestingItsTwoParameters_calledWithOneAllocation_isFlaggedAtTheCall() {
    check(
        "  static final PerCpu<long[]> A = PerCpu.allocate(() -> new long[1]);",
        "  static final PerCpu<long[]> B = PerCpu.allocate(() -> new long[1]);",
        "  static <T> void nest(PerCpu<T> outer, PerCpu<T> inner) {",
        "    outer.with(a -> inner.with(b -> {}));",
        "  }",
        "  static <T> void relay(PerCpu<T> p, PerCpu<T> q) { nest(p, q); }",
        "  void run() {",
        "    nest(A, B);",
        "    // BUG: Diagnostic contains: Nested entry",
        "    nest(A, A);",
        "    // BUG: Diagnostic contains: Nested entry",
        "    relay(B, B);",
        "  }");
  }

  @Test
  void lazyStreamStage_returnedUnconsumed_isNotNested() {
    check(
        "  java.util.stream.Stream<Long> run(PerCpu<long[]> h, List<Long> xs) {",
        "    return h.apply(x -> xs.stream().map(d -> h.apply(y -> y[0] += d)));",
        "  }");
  }

  @Test
  void lazyStreamStage_consumedThroughALocal_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, List<Long> xs) {",
        "    h.with(x -> {",
        "      java.util.stream.Stream<Long> s = xs.stream()",
        "          // BUG: Diagnostic contains: Nested entry",
        "          .map(d -> h.apply(y -> y[0] += d));",
        "      x[0] += s.reduce(0L, Long::sum);",
        "    });",
        "  }");
  }

  @Test
  void symbolNamedByAnotherClassConstantPlusALiteral_isTheDefinedOne() {
    check(
        "  static final class Names { static final String BASE = \"t.names\"; }",
        "  static final PerCpu<long[]> D =",
        "      PerCpu.define(Names.BASE + \".counts\", long[].class, () -> new long[1]);",
        "  void run() {",
        "    PerCpu<long[]> s = PerCpu.symbol(\"t.names.counts\", long[].class);",
        "    // BUG: Diagnostic contains: Nested entry",
        "    D.with(x -> s.with(y -> y[0]++));",
        "  }");
  }
}
