package dev.percpu.errorprone;

import java.util.ArrayList;
import java.util.List;

/**
 * The test programs of the map checks, each with the verdict the checks must give and what the JDK
 * does when it runs it. {@link NestedMapComputeTest} checks the verdicts (the {@code // BUG:}
 * markers inside), {@link MapRuntimeOracleTest} runs every program and checks the outcome, so a
 * verdict cannot drift from what the maps really do.
 *
 * <p>{@code ConcurrentHashMap} throws only when the inner call reaches the bin the outer call
 * holds, so the programs use {@code Key}s whose hash codes all collide: one bin, a deterministic
 * outcome. Several programs paraphrase real reported bugs (named in their comments).
 */
final class MapPrograms {

  /** What the checks say. */
  enum Verdict {
    DEFINITE,
    POSSIBLE,
    CLEAN
  }

  /** What the JDK does when the program runs. */
  enum Outcome {
    /** {@code IllegalStateException: Recursive update} from {@code ConcurrentHashMap}. */
    RECURSIVE_UPDATE,
    /** {@code ConcurrentModificationException}. */
    CONCURRENT_MODIFICATION,
    /** Runs to the end. */
    CLEAN,
    /**
     * Runs to the end although it breaks the map's contract: {@code ConcurrentHashMap} detects a
     * recursive update only on a reserved (empty) bin; on an occupied one it silently loses one.
     */
    UNDETECTED
  }

  /** One program: a class body with a {@code static void run() throws Exception}. */
  record Program(String name, Verdict verdict, Outcome outcome, List<String> body) {
    @Override
    public String toString() {
      return name;
    }

    /** The whole source of class {@code Test}. */
    String[] source() {
      List<String> lines = new ArrayList<>();
      lines.add("import java.util.*;");
      lines.add("import java.util.concurrent.*;");
      lines.add("import java.util.function.*;");
      lines.add("class Test {");
      lines.add(
          "  /** Every key hashes alike: one ConcurrentHashMap bin, a deterministic outcome. */");
      lines.add("  record Key(int id) { @Override public int hashCode() { return 0; } }");
      lines.addAll(body);
      lines.add("}");
      return lines.toArray(new String[0]);
    }
  }

  static final String DEFINITE = "// BUG: Diagnostic contains: runs inside the function";
  static final String POSSIBLE = "// BUG: Diagnostic contains: may modify the map";

  private MapPrograms() {}

  private static Program p(String name, Verdict v, Outcome o, String... body) {
    return new Program(name, v, o, List.of(body));
  }

  static List<Program> all() {
    return List.of(
        // ---- ConcurrentHashMap ----
        p(
            "concurrentHashMap_sameKeyDirect_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static void run() {",
            "    " + DEFINITE,
            "    cache.computeIfAbsent(new Key(1), k -> cache.computeIfAbsent(new Key(1), j -> 1));",
            "  }"),
        p(
            "concurrentHashMap_putOfCollidingKey_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static void run() {",
            "    cache.computeIfAbsent(new Key(1), k -> {",
            "      " + DEFINITE,
            "      cache.put(new Key(2), 2);",
            "      return 1;",
            "    });",
            "  }"),
        p(
            "concurrentHashMap_removeInComputeOfAbsentKey_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static void run() {",
            "    ConcurrentHashMap<Key, Integer> counts = new ConcurrentHashMap<>();",
            "    counts.compute(new Key(1), (k, v) -> {",
            "      " + DEFINITE,
            "      counts.remove(new Key(2));",
            "      return 1;",
            "    });",
            "  }"),
        p(
            // Apache ShardingSphere, Payara: the loader registers what it loads in the same cache.
            "concurrentHashMap_loaderHelperPuts_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static Integer load(Key k) {",
            "    cache.put(new Key(k.id() + 100), 0);",
            "    return k.id();",
            "  }",
            "  static void run() {",
            "    " + DEFINITE,
            "    cache.computeIfAbsent(new Key(1), k -> load(k));",
            "  }"),
        p(
            // Eclipse JDT, Presto: resolving a type computes its supertype in the same cache.
            "concurrentHashMap_methodReferenceResolvesDependency_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final class Registry {",
            "    private final Map<Key, Integer> depths = new ConcurrentHashMap<>();",
            "    Integer resolve(Key k) {",
            "      " + DEFINITE,
            "      return depths.computeIfAbsent(k, this::compute);",
            "    }",
            "    private Integer compute(Key k) {",
            "      return k.id() == 0 ? 0 : resolve(new Key(k.id() - 1)) + 1;",
            "    }",
            "  }",
            "  static void run() {",
            "    new Registry().resolve(new Key(3));",
            "  }"),
        p(
            "concurrentHashMap_constructorReferenceBuildsParent_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final Map<Key, Node> nodes = new ConcurrentHashMap<>();",
            "  static final class Node {",
            "    final Node parent;",
            "    Node(Key k) {",
            "      " + DEFINITE,
            "      parent = k.id() == 0 ? null : nodes.computeIfAbsent(new Key(k.id() - 1), Node::new);",
            "    }",
            "  }",
            "  static void run() {",
            "    " + DEFINITE,
            "    nodes.computeIfAbsent(new Key(2), Node::new);",
            "  }"),
        p(
            "concurrentHashMap_recursionThroughParameter_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static int depth(Map<Key, Integer> memo, Key k) {",
            "    return memo.computeIfAbsent(",
            "        k,",
            "        " + DEFINITE,
            "        x -> x.id() == 0 ? 0 : depth(memo, new Key(x.id() - 1)) + 1);",
            "  }",
            "  static void run() {",
            "    depth(new ConcurrentHashMap<>(), new Key(3));",
            "  }"),
        p(
            // Caffeine's users, cryptofs: a wrapper that runs the caller's loader inside the cache.
            "concurrentHashMap_loaderPassedThroughWrapper_isDefinite",
            Verdict.DEFINITE,
            Outcome.RECURSIVE_UPDATE,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static Integer cached(Key k, Supplier<Integer> loader) {",
            "    return cache.computeIfAbsent(k, x -> loader.get());",
            "  }",
            "  static void run() {",
            "    " + DEFINITE,
            "    cached(new Key(1), () -> cached(new Key(2), () -> 2) + 1);",
            "  }"),
        p(
            "concurrentHashMap_computeOnPresentKey_isDefiniteThoughUndetected",
            Verdict.DEFINITE,
            Outcome.UNDETECTED,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static void run() {",
            "    cache.put(new Key(1), 1);",
            "    cache.compute(new Key(1), (k, v) -> {",
            "      " + DEFINITE,
            "      cache.put(new Key(1), 5); // lost: the outer compute stores 2 over it",
            "      return v + 1;",
            "    });",
            "  }"),
        p(
            "concurrentHashMap_readsInFunction_areClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static void run() {",
            "    cache.put(new Key(2), 2);",
            "    cache.computeIfAbsent(new Key(1), k -> {",
            "      int sum = cache.getOrDefault(new Key(2), 0) + (cache.containsKey(new Key(3)) ? 1 : 0);",
            "      for (Integer v : cache.values()) {",
            "        sum += v;",
            "      }",
            "      return sum + cache.get(new Key(2));",
            "    });",
            "  }"),
        p(
            "concurrentHashMap_differentMap_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static final Map<Key, Integer> index = new ConcurrentHashMap<>();",
            "  static void run() {",
            "    cache.computeIfAbsent(new Key(1), k -> index.computeIfAbsent(new Key(1), j -> 1));",
            "  }"),
        p(
            "concurrentHashMap_modificationOnAnotherThread_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static void run() throws Exception {",
            "    ExecutorService executor = Executors.newSingleThreadExecutor();",
            "    List<Future<?>> pending = new ArrayList<>();",
            "    cache.computeIfAbsent(new Key(1), k -> {",
            "      pending.add(executor.submit(() -> cache.remove(new Key(2))));",
            "      return 1;",
            "    });",
            "    pending.get(0).get();",
            "    executor.shutdown();",
            "  }"),
        p(
            "concurrentHashMap_closureStoredAndRunLater_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static final Map<Key, Integer> cache = new ConcurrentHashMap<>();",
            "  static Runnable later;",
            "  static void run() {",
            "    cache.computeIfAbsent(new Key(1), k -> {",
            "      later = () -> cache.put(new Key(2), 2);",
            "      return 1;",
            "    });",
            "    later.run();",
            "  }"),
        p(
            "concurrentSkipListMap_nestedPut_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static final Map<Integer, Integer> sorted = new ConcurrentSkipListMap<>();",
            "  static void run() {",
            "    sorted.computeIfAbsent(1, k -> sorted.put(2, 2));",
            "  }"),
        // ---- HashMap, LinkedHashMap, TreeMap ----
        p(
            // The memoised recursive function: fibonacci through computeIfAbsent.
            "hashMap_memoisedFibonacci_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static final Map<Integer, Long> memo = new HashMap<>();",
            "  static long fib(int n) {",
            "    " + DEFINITE,
            "    return n < 2 ? n : memo.computeIfAbsent(n, k -> fib(k - 1) + fib(k - 2));",
            "  }",
            "  static void run() {",
            "    fib(20);",
            "  }"),
        p(
            "hashMap_fibonacciMemoAsParameter_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static long fib(int n, Map<Integer, Long> memo) {",
            "    " + DEFINITE,
            "    return n < 2 ? n : memo.computeIfAbsent(n, k -> fib(k - 1, memo) + fib(k - 2, memo));",
            "  }",
            "  static void run() {",
            "    fib(20, new HashMap<>());",
            "  }"),
        p(
            "hashMap_putOfAnotherKeyInLocal_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static void run() {",
            "    Map<String, Integer> m = new HashMap<>();",
            "    m.computeIfAbsent(\"a\", k -> {",
            "      " + DEFINITE,
            "      m.put(\"b\", 1);",
            "      return 2;",
            "    });",
            "  }"),
        p(
            "hashMap_anonymousFunctionPuts_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static final Map<String, Integer> cache = new HashMap<>();",
            "  static void run() {",
            "    cache.computeIfAbsent(\"a\", new Function<String, Integer>() {",
            "      @Override",
            "      public Integer apply(String k) {",
            "        " + DEFINITE,
            "        cache.put(\"b\", 1);",
            "        return 2;",
            "      }",
            "    });",
            "  }"),
        p(
            "hashMap_replaceOfExistingKey_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static void run() {",
            "    Map<String, Integer> m = new HashMap<>();",
            "    m.put(\"b\", 1);",
            "    m.computeIfAbsent(\"a\", k -> m.replace(\"b\", 2));",
            "  }"),
        p(
            "hashMap_readsInFunction_areClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static void run() {",
            "    Map<String, Integer> m = new HashMap<>(Map.of(\"b\", 1));",
            "    m.computeIfAbsent(\"a\", k -> {",
            "      int[] sum = {m.getOrDefault(\"b\", 0)};",
            "      m.forEach((key, v) -> sum[0] += v);",
            "      return sum[0] + m.size();",
            "    });",
            "  }"),
        p(
            "hashMap_differentMaps_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static void run() {",
            "    Map<String, Integer> a = new HashMap<>();",
            "    Map<String, Integer> b = new HashMap<>();",
            "    a.computeIfAbsent(\"x\", k -> b.put(k, 1));",
            "  }"),
        p(
            "hashMap_freshMapPerRecursiveCall_isClean",
            Verdict.CLEAN,
            Outcome.CLEAN,
            "  static int build(int n) {",
            "    Map<Integer, Integer> local = new HashMap<>();",
            "    return local.computeIfAbsent(n, k -> k == 0 ? 0 : build(k - 1) + 1);",
            "  }",
            "  static void run() {",
            "    build(5);",
            "  }"),
        p(
            "linkedHashMap_removeInMerge_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static void run() {",
            "    LinkedHashMap<String, Integer> m = new LinkedHashMap<>(Map.of(\"a\", 1, \"b\", 2));",
            "    m.merge(\"a\", 1, (x, y) -> {",
            "      " + DEFINITE,
            "      m.remove(\"b\");",
            "      return x + y;",
            "    });",
            "  }"),
        p(
            "treeMap_clearInComputeIfPresent_isDefinite",
            Verdict.DEFINITE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static final TreeMap<String, Integer> sorted = new TreeMap<>(Map.of(\"a\", 1));",
            "  static void run() {",
            "    sorted.computeIfPresent(\"a\", (k, v) -> {",
            "      " + DEFINITE,
            "      sorted.clear();",
            "      return v;",
            "    });",
            "  }"),
        // ---- possible ----
        p(
            "fieldOfAnotherInstance_isPossible",
            Verdict.POSSIBLE,
            Outcome.CLEAN,
            "  static final class Scope {",
            "    private final Map<String, Integer> depths = new HashMap<>();",
            "    private final Scope parent;",
            "    Scope(Scope parent) {",
            "      this.parent = parent;",
            "    }",
            "    int depth(String name) {",
            "      return depths.computeIfAbsent(",
            "          name,",
            "          " + POSSIBLE,
            "          k -> parent == null ? 0 : parent.depth(k) + 1);",
            "    }",
            "  }",
            "  static void run() {",
            "    new Scope(new Scope(null)).depth(\"x\");",
            "  }"),
        p(
            "twoMapParameters_arePossible_andThrowWhenTheyAreOne",
            Verdict.POSSIBLE,
            Outcome.CONCURRENT_MODIFICATION,
            "  static void link(Map<String, Integer> ids, Map<String, Integer> aliases) {",
            "    " + POSSIBLE,
            "    ids.computeIfAbsent(\"a\", k -> aliases.put(\"b\", 1));",
            "  }",
            "  static void run() {",
            "    Map<String, Integer> one = new HashMap<>();",
            "    link(one, one);",
            "  }"));
  }
}
