package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PerCpuValueEscapeTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuValueEscape.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  // ---- the value outlives its closure ----

  @Test
  void valueStoredIntoAField_isFlagged() {
    check(
        "  long[] leaked;",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: stored into field `leaked`",
        "    h.with(v -> leaked = v);",
        "  }");
  }

  @Test
  void valueStoredIntoAStaticField_isFlagged() {
    check(
        "  static StringBuilder leaked;",
        "  static void run(PerCpu<StringBuilder> h) {",
        "    h.with(v -> {",
        "      // BUG: Diagnostic contains: stored into field `leaked`",
        "      Test.leaked = v;",
        "    });",
        "  }");
  }

  @Test
  void valueStoredIntoACapturedArray_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    long[][] box = new long[1][];",
        "    // BUG: Diagnostic contains: stored into an array from outside the closure",
        "    h.with(v -> box[0] = v);",
        "  }");
  }

  @Test
  void valueAddedToACapturedList_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, List<long[]> all) {",
        "    // BUG: Diagnostic contains: handed to `add`",
        "    h.with(v -> all.add(v));",
        "  }");
  }

  @Test
  void valuePutIntoAFieldMap_isFlagged() {
    check(
        "  final Map<Integer, long[]> byCpu = new HashMap<>();",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: handed to `put`",
        "    h.with(v -> byCpu.put(0, v));",
        "  }");
  }

  @Test
  void valueAddedToASet_isFlagged() {
    check(
        "  void run(PerCpu<StringBuilder> h, Set<StringBuilder> seen) {",
        "    // BUG: Diagnostic contains: handed to `add`",
        "    h.with(sb -> seen.add(sb));",
        "  }");
  }

  @Test
  void valuePushedOntoADeque_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, Deque<long[]> stack) {",
        "    // BUG: Diagnostic contains: handed to `push`",
        "    h.with(v -> stack.push(v));",
        "  }");
  }

  @Test
  void valueReturnedFromApply_isFlagged() {
    check(
        "  long[] run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: `apply` returns the slot's value `v` itself",
        "    return h.apply(v -> v);",
        "  }");
  }

  @Test
  void valueReturnedFromABlockBodiedApply_isFlagged() {
    check(
        "  long[] run(PerCpu<long[]> h, boolean reset) {",
        "    return h.apply(v -> {",
        "      if (reset) { v[0] = 0; }",
        "      // BUG: Diagnostic contains: returns the slot's value `v` itself",
        "      return v;",
        "    });",
        "  }");
  }

  @Test
  void returnOfANestedLambda_isNotTheClosuresReturn() {
    check(
        "  long run(PerCpu<long[]> h, List<long[]> xs) {",
        "    return h.apply(v -> xs.stream().map(x -> { return x; }).count());",
        "  }");
  }

  @Test
  void valueReturnedFromApplyThroughACast_isFlagged() {
    check(
        "  Object run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: returns the slot's value",
        "    return h.apply(v -> (Object) v);",
        "  }");
  }

  @Test
  void valueReturnedFromATokensApply_isFlagged() {
    check(
        "  long[] run(PerCpu<long[]> h, CpuGuard g) {",
        "    // BUG: Diagnostic contains: returns the slot's value",
        "    return h.get(g).apply(v -> (v));",
        "  }");
  }

  @Test
  void valueCapturedByAnExecutorTask_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h, Executor executor) {",
        "    // BUG: Diagnostic contains: captures the slot's value `v` is handed to `execute`",
        "    h.with(v -> executor.execute(() -> v[0]++));",
        "  }");
  }

  @Test
  void valueCapturedByANewThread_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: captures the slot's value",
        "    h.with(v -> new Thread(() -> v[0]++).start());",
        "  }");
  }

  @Test
  void valueCapturedByAnAsyncStage_isFlagged() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: handed to `supplyAsync`",
        "    h.with(v -> CompletableFuture.supplyAsync(() -> v[0]));",
        "  }");
  }

  @Test
  void valueStoredIntoAFieldThroughAToken_isFlagged() {
    check(
        "  long[] leaked;",
        "  void run(PerCpu<long[]> h) {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: stored into field `leaked`",
        "      h.get(g).with(v -> this.leaked = v);",
        "    }",
        "  }");
  }

  @Test
  void valueStoredIntoAFieldFromANestedBlock_isFlagged() {
    check(
        "  long[] leaked;",
        "  void run(PerCpu<long[]> h, boolean keep) {",
        "    h.with(v -> {",
        "      if (keep) {",
        "        // BUG: Diagnostic contains: stored into field",
        "        leaked = v;",
        "      }",
        "    });",
        "  }");
  }

  @Test
  void valueQueuedForLater_isFlagged() {
    check(
        "  final Queue<long[]> pending = new ArrayDeque<>();",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: handed to `offer`",
        "    h.with(v -> pending.offer(v));",
        "  }");
  }

  @Test
  void valueSetIntoAnAtomicReference_isFlagged() {
    check(
        "  final java.util.concurrent.atomic.AtomicReference<long[]> last = new java.util.concurrent.atomic.AtomicReference<>();",
        "  void run(PerCpu<long[]> h) {",
        "    // BUG: Diagnostic contains: handed to `set`",
        "    h.with(v -> last.set(v));",
        "  }");
  }

  // ---- the value stays inside ----

  @Test
  void immutableValueReturnedFromApply_isClean() {
    check("  Long run(PerCpu<Long> h) { return h.apply(v -> v); }");
  }

  @Test
  void computedResultReturnedFromApply_isClean() {
    check("  long run(PerCpu<long[]> h) { return h.apply(v -> v[0]); }");
  }

  @Test
  void copyReturnedFromApply_isClean() {
    check("  long[] run(PerCpu<long[]> h) { return h.apply(v -> v.clone()); }");
  }

  @Test
  void elementReadIntoAField_isClean() {
    check("  long last;", "  void run(PerCpu<long[]> h) { h.with(v -> last = v[0]); }");
  }

  @Test
  void valueAddedToAListCreatedInsideTheClosure_isClean() {
    check(
        "  void run(PerCpu<long[]> h) {",
        "    h.with(v -> { List<long[]> local = new ArrayList<>(); local.add(v); local.clear(); });",
        "  }");
  }

  @Test
  void valueCapturedByForEachRunNow_isClean() {
    check(
        "  void run(PerCpu<long[]> h, List<Integer> xs) { h.with(v -> xs.forEach(x -> v[0] += x)); }");
  }

  @Test
  void valueAssignedToALocal_isClean() {
    check("  void run(PerCpu<long[]> h) { h.with(v -> { long[] alias = v; alias[0]++; }); }");
  }

  @Test
  void valuePassedToAMethodThatDoesNotKeepIt_isClean() {
    check("  void run(PerCpu<long[]> h) { h.with(v -> System.out.println(Arrays.toString(v))); }");
  }

  @Test
  void stringValue_isImmutable() {
    check("  String last;", "  void run(PerCpu<String> h) { h.with(v -> last = v); }");
  }

  @Test
  void valueCapturedByALambdaRunNowByOptional_isClean() {
    check(
        "  void run(PerCpu<long[]> h, Optional<Long> o) { h.with(v -> o.ifPresent(x -> v[0] += x)); }");
  }

  @Test
  void anotherVariableStoredIntoAField_isClean() {
    check(
        "  long[] kept;",
        "  void run(PerCpu<long[]> h, long[] other) { h.with(v -> kept = other); }");
  }

  @Test
  void entryWithoutAValueParameterUse_isClean() {
    check("  void run(PerCpu<long[]> h, List<String> log) { h.with(v -> log.add(\"entered\")); }");
  }

  @Test
  void valueCopiedIntoACapturedArrayElementByElement_isClean() {
    check("  void run(PerCpu<long[]> h, long[] out) { h.with(v -> out[0] = v[0]); }");
  }

  @Test
  void executorTaskNotCapturingTheValue_isClean() {
    check(
        "  void run(PerCpu<long[]> h, Executor e) { h.with(v -> { long n = v[0]; e.execute(() -> System.out.println(n)); }); }");
  }

  @Test
  void valueUsedByAStreamInsideTheClosure_isClean() {
    check("  long run(PerCpu<long[]> h) { return h.apply(v -> Arrays.stream(v).sum()); }");
  }

  @Test
  void valueWrappedInAListForACallInsideTheClosure_isClean() {
    check(
        "  static int count(List<long[]> xs) { return xs.size(); }",
        "  void run(PerCpu<long[]> h) { h.with(v -> count(List.of(v))); }");
  }

  @Test
  void valuesElementsCopiedWithAddAll_isClean() {
    check("  void run(PerCpu<List<String>> h, List<String> all) { h.with(v -> all.addAll(v)); }");
  }

  @Test
  void suppressWarnings_suppressesTheFinding() {
    check(
        "  long[] leaked;",
        "  @SuppressWarnings(\"PerCpuValueEscape\")",
        "  void run(PerCpu<long[]> h) { h.with(v -> leaked = v); }");
  }

  @Test
  void severityFlagError_promotesTheFinding() {
    helper
        .setArgs("-Xep:PerCpuValueEscape:ERROR")
        .addSourceLines(
            "Test.java",
            inClass(
                "  long[] leaked;",
                "  void run(PerCpu<long[]> h) {",
                "    // BUG: Diagnostic contains: stored into field",
                "    h.with(v -> leaked = v);",
                "  }"))
        .doTest();
  }
}
