package dev.percpu.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.percpu.errorprone.MapPrograms.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code NestedMapCompute} and {@code PossibleNestedMapCompute} together, so that each {@code //
 * BUG:} marker must be matched by the right one (the definite message says "runs inside the
 * function", the possible one "may modify the map") and no other finding may appear. The programs
 * of {@link MapPrograms} are also run on the JDK by {@link MapRuntimeOracleTest}.
 */
class NestedMapComputeTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(
              NestedMapCompute.class, PossibleNestedMapCompute.class),
          getClass());

  static Stream<Program> programs() {
    return MapPrograms.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void catalogueProgram_hasItsVerdict(Program program) {
    helper.addSourceLines("Test.java", program.source()).doTest();
  }

  /** A class body with only java.util imports: the map checks need no per-CPU code around. */
  private void check(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("import java.util.*;"); // line 1
    lines.add("import java.util.concurrent.*;");
    lines.add("import java.util.function.*;");
    lines.add("class Test {"); // line 4; the body starts at line 5
    lines.addAll(List.of(body));
    lines.add("}");
    helper.addSourceLines("Test.java", lines.toArray(new String[0])).doTest();
  }

  // ---- messages ----

  @Test
  void directPut_messageNamesMapKindOuterCallAndConsequence() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  Integer get(String key) {",
        "    return cache.computeIfAbsent(key, k -> {",
        "      // BUG: Diagnostic contains: `put` on `cache` (a ConcurrentHashMap) runs inside the"
            + " function of the `computeIfAbsent` at line 7 on the same map: ConcurrentHashMap"
            + " throws IllegalStateException (\"Recursive update\")",
        "      cache.put(k + \"!\", 0);",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void throughHelper_messageGivesThePath() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  private int load(String k) {",
        "    cache.remove(k + \"-old\");",
        "    return k.length();",
        "  }",
        "  Integer get(String key) {",
        "    // BUG: Diagnostic contains: `remove` on `cache` (a non-concurrent map) runs inside the"
            + " function of the `computeIfAbsent` at line 12 on the same map; reached via"
            + " `load()` (`remove` at line 7): the map throws ConcurrentModificationException",
        "    return cache.computeIfAbsent(key, k -> load(k));",
        "  }");
  }

  // ---- kinds ----

  @Test
  void replaceInsideHashMapCompute_isNotStructural() {
    check(
        "  private final Map<String, Integer> counts = new HashMap<>();",
        "  void bump(String key) {",
        "    counts.computeIfAbsent(key, k -> counts.replace(\"total\", 0));",
        "  }");
  }

  @Test
  void replaceInsideUnknownMapCompute_isPossible() {
    check(
        "  void bump(Map<String, Integer> counts, String key) {",
        "    // BUG: Diagnostic contains: `replace` conflicts only if the map is a ConcurrentHashMap",
        "    counts.computeIfAbsent(key, k -> counts.replace(\"total\", 0));",
        "  }");
  }

  @Test
  void replaceInsideUnknownConcurrentMapCompute_isDefinite() {
    check(
        "  void bump(ConcurrentMap<String, Integer> counts, String key) {",
        "    // BUG: Diagnostic contains: (a ConcurrentHashMap) runs inside the function",
        "    counts.computeIfAbsent(key, k -> counts.replace(\"total\", 0));",
        "  }");
  }

  @Test
  void mapDeclaredAsMapButMadeAsSkipList_isClean() {
    check(
        "  private final Map<String, Integer> sorted = new ConcurrentSkipListMap<>();",
        "  void add(String key) {",
        "    sorted.computeIfAbsent(key, k -> sorted.put(k + \"!\", 1));",
        "  }");
  }

  // ---- paths ----

  @Test
  void closureGivenToMethodOfUnknownUse_isPossible() {
    check(
        "  interface Runner { void run(Runnable r); }",
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  void fill(Runner runner) {",
        "    cache.computeIfAbsent(\"a\", k -> {",
        "      // BUG: Diagnostic contains: the function may or may not run inside that call",
        "      runner.run(() -> cache.put(\"b\", 1));",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void closureRunNowByLibrary_isDefinite() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  void fill(List<String> keys) {",
        "    cache.computeIfAbsent(\"a\", k -> {",
        "      // BUG: Diagnostic contains: `put` on `cache`",
        "      keys.forEach(other -> cache.put(other, 1));",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void closureHandedToAnExecutor_isClean() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  void fill(Executor executor) {",
        "    cache.computeIfAbsent(\"a\", k -> {",
        "      executor.execute(() -> cache.put(\"b\", 1));",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void closureStoredByAHelperOfTheUnit_isClean() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  private final List<Runnable> later = new ArrayList<>();",
        "  private void defer(Runnable r) { later.add(r); }",
        "  void fill() {",
        "    cache.computeIfAbsent(\"a\", k -> {",
        "      defer(() -> cache.put(\"b\", 1));",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void closureRunByAHelperOfTheUnit_isDefinite() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  private void now(Runnable r) { r.run(); }",
        "  void fill() {",
        "    cache.computeIfAbsent(\"a\", k -> {",
        "      // BUG: Diagnostic contains: `put` on `cache` (a ConcurrentHashMap) runs inside",
        "      now(() -> cache.put(\"b\", 1));",
        "      return 1;",
        "    });",
        "  }");
  }

  @Test
  void sequentialComputes_areClean() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  Integer get(String key) {",
        "    return cache.computeIfAbsent(key, String::length);",
        "  }",
        "  int both() {",
        "    return get(\"a\") + get(\"b\");",
        "  }");
  }

  @Test
  void helperThatNestsByItself_isReportedInTheHelperOnly() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  void helper() {",
        "    // BUG: Diagnostic contains: `put` on `cache`",
        "    cache.computeIfAbsent(\"a\", k -> cache.put(\"b\", 1));",
        "  }",
        "  void caller() {",
        "    helper();",
        "  }");
  }

  @Test
  void nonFinalFieldNeverReassigned_isDefinite() {
    // The usual memo: `static Map<...> memo = new HashMap<>()`, neither final nor private.
    check(
        "  static Map<Integer, Long> memo = new HashMap<>();",
        "  static long fib(int n) {",
        "    // BUG: Diagnostic contains: `computeIfAbsent` on `memo` (a non-concurrent map)",
        "    return n < 2 ? n : memo.computeIfAbsent(n, k -> fib(k - 1) + fib(k - 2));",
        "  }");
  }

  @Test
  void nonFinalFieldReassigned_isPossible() {
    check(
        "  private Map<String, Integer> cache = new HashMap<>();",
        "  void reset() {",
        "    cache = new HashMap<>();",
        "  }",
        "  void fill() {",
        "    // BUG: Diagnostic contains: non-final field `cache` may modify the map",
        "    cache.computeIfAbsent(\"a\", k -> cache.put(\"b\", 1));",
        "  }");
  }

  @Test
  void mapMadeInsideTheFunction_isClean() {
    check(
        "  private final Map<String, Integer> counts;",
        "  Test(Map<String, Integer> counts) {",
        "    this.counts = counts;",
        "  }",
        "  Integer size(String key) {",
        "    return counts.computeIfAbsent(key, k -> {",
        "      Map<String, Integer> scratch = new HashMap<>();",
        "      scratch.put(k, 1);",
        "      return scratch.size();",
        "    });",
        "  }");
  }

  @Test
  void mapsOfDifferentTypes_areClean() {
    check(
        "  void fill(Map<String, Integer> byName, Map<Integer, String> byId) {",
        "    byName.computeIfAbsent(\"a\", k -> { byId.put(1, k); return 1; });",
        "  }");
  }

  @Test
  void staticCacheReachedThroughAnotherInstance_isDefinite() {
    check(
        "  private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();",
        "  private final Test parent;",
        "  Test(Test parent) {",
        "    this.parent = parent;",
        "  }",
        "  Integer lookup(String k) {",
        "    return CACHE.computeIfAbsent(",
        "        k,",
        "        // BUG: Diagnostic contains: `computeIfAbsent` on `CACHE` (a ConcurrentHashMap)",
        "        x -> parent == null ? 0 : parent.lookup(x + \"/\") + 1);",
        "  }");
  }

  @Test
  void instanceCacheReachedThroughAnotherInstance_isPossible() {
    check(
        "  private final Map<String, Integer> cache = new ConcurrentHashMap<>();",
        "  private final Test parent;",
        "  Test(Test parent) {",
        "    this.parent = parent;",
        "  }",
        "  Integer lookup(String k) {",
        "    return cache.computeIfAbsent(",
        "        k,",
        "        // BUG: Diagnostic contains: the map of another object's `cache` may modify the map",
        "        x -> parent == null ? 0 : parent.lookup(x + \"/\") + 1);",
        "  }");
  }

  @Test
  void wrapperCalledOnAnotherInstance_isPossible() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  private final Test other = null;",
        "  Integer cached(String k, Supplier<Integer> loader) {",
        "    return cache.computeIfAbsent(k, x -> loader.get());",
        "  }",
        "  Integer run() {",
        "    // BUG: Diagnostic contains: may modify the map",
        "    return other.cached(\"a\", () -> cached(\"b\", () -> 1));",
        "  }");
  }

  @Test
  void codeWithoutEnteringMapCalls_isClean() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  void fill(List<String> keys) {",
        "    keys.forEach(k -> cache.put(k, cache.getOrDefault(k, 0) + 1));",
        "    cache.remove(\"x\");",
        "  }");
  }

  @Test
  void commonIdiomsAndUnusualTypes_compileWithTheirFindingsOnly() {
    check(
        "  private final Map<String, List<Integer>> multimap = new HashMap<>();",
        "  private final Map<String, Map<String, Integer>> nested = new ConcurrentHashMap<>();",
        "  void idioms(String a, String b) {",
        "    multimap.computeIfAbsent(a, k -> new ArrayList<>()).add(1);",
        "    nested.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);",
        "    multimap.compute(a, (k, v) -> v == null ? new ArrayList<>() : v);",
        "  }",
        "  <M extends Map<String, Integer>> void typeVariable(M m) {",
        "    // BUG: Diagnostic contains: `put` on parameter `m` (a Map of unknown implementation)",
        "    m.computeIfAbsent(\"a\", k -> m.put(\"b\", 1));",
        "  }",
        "  void wildcard(Map<String, ?> m, Map<?, ?> other) {",
        "    m.computeIfPresent(\"a\", (k, v) -> null);",
        "    other.clear();",
        "  }",
        "  @SuppressWarnings({\"rawtypes\", \"unchecked\"})",
        "  void raw() {",
        "    Map raw = new HashMap();",
        "    // BUG: Diagnostic contains: `put` on `raw`",
        "    raw.computeIfAbsent(\"a\", k -> raw.put(\"b\", 1));",
        "  }",
        "  static final class Registry extends HashMap<String, Integer> {",
        "    Integer lookup(String k) {",
        "      // BUG: Diagnostic contains: may modify the map",
        "      return computeIfAbsent(k, x -> put(x + \"!\", 1));",
        "    }",
        "  }",
        "  void conditional(boolean flag, Map<String, Integer> a) {",
        "    Map<String, Integer> either = flag ? a : new HashMap<>();",
        "    // BUG: Diagnostic contains: may modify the map",
        "    a.computeIfAbsent(\"k\", k -> either.remove(\"j\"));",
        "  }",
        "  void switchAndLoops(List<Map<String, Integer>> maps) {",
        "    for (Map<String, Integer> m : maps) {",
        "      // BUG: Diagnostic contains: `remove` on variable `m`",
        "      m.merge(\"a\", 1, (x, y) -> { m.remove(\"b\"); return x + y; });",
        "    }",
        "    maps.stream().filter(m -> m.containsKey(\"a\")).forEach(m -> m.merge(\"a\", 1, Integer::sum));",
        "  }");
  }

  // ---- caches with the same contract ----

  @Test
  void caffeineCacheLoaderGetsFromTheSameCache_isDefinite() {
    helper
        .addSourceLines(
            "Cache.java",
            "package com.github.benmanes.caffeine.cache;",
            "public interface Cache<K, V> {",
            "  V get(K key, java.util.function.Function<? super K, ? extends V> mappingFunction);",
            "  void put(K key, V value);",
            "  V getIfPresent(K key);",
            "}")
        .addSourceLines(
            "Test.java",
            "import com.github.benmanes.caffeine.cache.Cache;",
            "class Test {",
            "  private final Cache<String, Integer> cache;",
            "  Test(Cache<String, Integer> cache) {",
            "    this.cache = cache;",
            "  }",
            "  Integer depth(String path) {",
            "    // BUG: Diagnostic contains: `get` on field `cache` (a ConcurrentHashMap)",
            "    return cache.get(path, this::compute);",
            "  }",
            "  private Integer compute(String path) {",
            "    int slash = path.lastIndexOf('/');",
            "    return slash < 0 ? 0 : depth(path.substring(0, slash)) + 1;",
            "  }",
            "  Integer readsAreFine(String path) {",
            "    return cache.get(path, p -> cache.getIfPresent(p + \"/..\"));",
            "  }",
            "}")
        .doTest();
  }

  // ---- suppression ----

  @Test
  void suppressedOnTheMethod_isSilent() {
    check(
        "  private final Map<String, Integer> cache = new HashMap<>();",
        "  @SuppressWarnings(\"NestedMapCompute\")",
        "  void fill() {",
        "    cache.computeIfAbsent(\"a\", k -> cache.put(\"b\", 1));",
        "  }");
  }
}
