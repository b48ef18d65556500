package dev.percpu.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.scanner.ScannerSupplier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code -XepOpt:PerCpu:EnteringMethods} flag and its deprecated alias {@code ApiMethods}: a
 * user's own cache configured through either is checked by {@code NestedMapCompute} as Caffeine's
 * {@code Cache} is, and a malformed entry is an error naming the flag and the entry.
 */
class PerCpuConfigTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(
              PerCpuNestedAccess.class, NestedMapCompute.class, PossibleNestedMapCompute.class),
          getClass());

  private static final String[] LOADING_CACHE = {
    "package com.acme;",
    "import java.util.function.Function;",
    "public final class LoadingCache<K, V> {",
    "  public V get(K key) { return null; }",
    "  public V get(K key, Function<? super K, ? extends V> loader) { return null; }",
    "  public void put(K key, V value) {}",
    "  public void evict(K key) {}",
    "}"
  };

  private static final String[] USER = {
    "import com.acme.LoadingCache;",
    "class Test {",
    "  private final LoadingCache<String, Integer> cache = new LoadingCache<>();",
    "  Integer depth(String path) {",
    "    // BUG: Diagnostic contains: `get` on `cache` (a ConcurrentHashMap) runs inside",
    "    return cache.get(path, this::compute);",
    "  }",
    "  private Integer compute(String path) {",
    "    int slash = path.lastIndexOf('/');",
    "    return slash < 0 ? 0 : depth(path.substring(0, slash)) + 1;",
    "  }",
    "  Integer evicts(String key) {",
    "    return cache.get(key, k -> {",
    "      // BUG: Diagnostic contains: `evict` on `cache` (a ConcurrentHashMap) runs inside",
    "      cache.evict(k + \"/..\");",
    "      return 1;",
    "    });",
    "  }",
    "  Integer readsAreFine(String path) {",
    "    return cache.get(path, p -> cache.get(p + \"/..\"));",
    "  }",
    "}"
  };

  private static final String ENTRIES =
      "com.acme.LoadingCache#get=map-compute:1:concurrent,com.acme.LoadingCache#evict=map-remove";

  @Test
  void cacheConfiguredThroughEnteringMethods_isFlagged() {
    helper
        .setArgs("-XepOpt:PerCpu:EnteringMethods=" + ENTRIES)
        .addSourceLines("LoadingCache.java", LOADING_CACHE)
        .addSourceLines("Test.java", USER)
        .doTest();
  }

  @Test
  void cacheConfiguredThroughDeprecatedApiMethods_isFlagged() {
    helper
        .setArgs("-XepOpt:PerCpu:ApiMethods=" + ENTRIES)
        .addSourceLines("LoadingCache.java", LOADING_CACHE)
        .addSourceLines("Test.java", USER)
        .doTest();
  }

  @Test
  void entriesOfBothFlags_combine() {
    helper
        .setArgs(
            "-XepOpt:PerCpu:ApiMethods=com.acme.LoadingCache#get=map-compute:1:concurrent",
            "-XepOpt:PerCpu:EnteringMethods=com.acme.LoadingCache#evict=map-remove")
        .addSourceLines("LoadingCache.java", LOADING_CACHE)
        .addSourceLines("Test.java", USER)
        .doTest();
  }

  @Test
  void unconfiguredCache_isNotAMap() {
    helper
        .addSourceLines("LoadingCache.java", LOADING_CACHE)
        .addSourceLines(
            "Test.java",
            "import com.acme.LoadingCache;",
            "class Test {",
            "  private final LoadingCache<String, Integer> cache = new LoadingCache<>();",
            "  Integer nested(String key) {",
            "    return cache.get(key, k -> cache.get(k, j -> 1));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void structuralCache_replaceIsFineButAddConflicts() {
    helper
        .setArgs(
            "-XepOpt:PerCpu:EnteringMethods=com.acme.LoadingCache#get=map-compute:1:structural,"
                + "com.acme.LoadingCache#put=map-add,com.acme.LoadingCache#evict=map-replace")
        .addSourceLines("LoadingCache.java", LOADING_CACHE)
        .addSourceLines(
            "Test.java",
            "import com.acme.LoadingCache;",
            "class Test {",
            "  private final LoadingCache<String, Integer> cache = new LoadingCache<>();",
            "  Integer adds(String key) {",
            "    return cache.get(key, k -> {",
            "      // BUG: Diagnostic contains: (a non-concurrent map)",
            "      cache.put(k + \"/..\", 1);",
            "      return 1;",
            "    });",
            "  }",
            "  Integer replaces(String key) {",
            "    return cache.get(key, k -> {",
            "      cache.evict(k + \"/..\");",
            "      return 1;",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void malformedEnteringMethodsEntry_isAnErrorNamingTheFlagAndTheEntry() {
    helper
        .setArgs("-XepOpt:PerCpu:EnteringMethods=com.acme.LoadingCache#get=map-compute:1:fast")
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: invalid percpu flag -XepOpt:PerCpu:EnteringMethods:"
                + " invalid percpu API method spec 'com.acme.LoadingCache#get=map-compute:1:fast':"
                + " unknown map kind 'fast' (concurrent, structural, lock-free)",
            "class Test {}")
        .doTest();
  }

  @Test
  void malformedEntryOfTheDeprecatedFlag_namesThatFlag() {
    PerCpuConfig config =
        PerCpuConfig.fromFlags(
            ErrorProneFlags.fromMap(
                Map.of(
                    "PerCpu:EnteringMethods", "a.B#get=map-compute:1:concurrent",
                    "PerCpu:ApiMethods", "a.B#get=map-compute:x:concurrent")));
    assertEquals(
        "invalid percpu flag -XepOpt:PerCpu:ApiMethods: invalid percpu API method spec"
            + " 'a.B#get=map-compute:x:concurrent': 'x' is not a parameter index",
        config.error().orElseThrow());
  }

  @Test
  void twoKindsForOneOwnerAcrossTheFlags_isAnErrorNamingBothEntries() {
    PerCpuConfig config =
        PerCpuConfig.fromFlags(
            ErrorProneFlags.fromMap(
                Map.of(
                    "PerCpu:ApiMethods", "a.B#get=map-compute:1:concurrent",
                    "PerCpu:EnteringMethods", "a.B#load=map-compute:1:structural")));
    String error = config.error().orElseThrow();
    assertTrue(error.startsWith("invalid percpu flag -XepOpt:PerCpu:EnteringMethods"), error);
    assertTrue(error.contains("'a.B#load=map-compute:1:structural'"), error);
    assertTrue(error.contains("'a.B#get=map-compute:1:concurrent' gives a.B another"), error);
  }

  @Test
  void malformedBlockingMethodsEntry_isAnErrorNamingTheFlagAndTheEntry() {
    PerCpuConfig config =
        PerCpuConfig.fromFlags(
            ErrorProneFlags.fromMap(
                Map.of("PerCpu:BlockingMethods", "com.acme.Rpc#call,com.acme.Rpc.fetch")));
    assertEquals(
        "invalid percpu flag -XepOpt:PerCpu:BlockingMethods: invalid blocking method entry"
            + " 'com.acme.Rpc.fetch': expected OWNER#METHOD",
        config.error().orElseThrow());
  }

  @Test
  void malformedBlockingMethodsEntry_isReportedAsACompileError() {
    helper
        .setArgs("-XepOpt:PerCpu:BlockingMethods=com.acme.Rpc#ca ll")
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: invalid percpu flag -XepOpt:PerCpu:BlockingMethods:"
                + " invalid blocking method entry 'com.acme.Rpc#ca ll'",
            "class Test {}")
        .doTest();
  }
}
