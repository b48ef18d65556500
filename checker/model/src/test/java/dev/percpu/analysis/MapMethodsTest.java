package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user's own cache, described by the map roles of {@link ApiMethodSpec}. */
class MapMethodsTest {

  private static final String CACHE =
      """
      package com.acme;
      public class Cache<K, V> {
        public V get(K key, java.util.function.Function<? super K, ? extends V> loader) { return null; }
        public void evict(K key) {}
        public static void evictAll() {}
      }
      """;

  private static final String SUB =
      """
      package com.acme;
      public class TimedCache<K, V> extends Cache<K, V> {}
      """;

  private static final Elements E =
      Elements.compile(Map.of("com.acme.Cache", CACHE, "com.acme.TimedCache", SUB));

  private static final MapMethods CONFIGURED =
      MapMethods.create(
          List.of(
              "com.acme.Cache#get=map-compute:1:structural",
              "com.acme.Cache#evict=map-remove",
              "com.acme.Cache#evictAll=map-clear",
              "test.Shards#update=entering:1:0"));

  @Test
  void configuredComputeMethod_entersItsReceiver() {
    assertEquals(
        Optional.of(new MapOperation.Call("get", MapOperation.ENTERING, 1)),
        CONFIGURED.of(E.method("com.acme.Cache", "get"), E.types));
    assertEquals(
        Optional.of(new MapOperation.Call("evict", MapOperation.REMOVE, -1)),
        CONFIGURED.of(E.method("com.acme.Cache", "evict"), E.types));
  }

  @Test
  void staticMethod_isNoOperationOnAReceiver() {
    assertEquals(Optional.empty(), CONFIGURED.of(E.method("com.acme.Cache", "evictAll"), E.types));
  }

  @Test
  void withoutConfiguration_theCacheIsNoMap() {
    assertEquals(
        Optional.empty(), MapMethods.builtIn().of(E.method("com.acme.Cache", "get"), E.types));
    assertEquals(
        MapKind.UNKNOWN, MapMethods.builtIn().kindOf(E.type("com.acme.Cache").asType(), E.types));
  }

  @Test
  void configuredKind_holdsForTheOwnerAndItsSubtypes() {
    assertEquals(MapKind.STRUCTURAL, CONFIGURED.kindOf(E.type("com.acme.Cache").asType(), E.types));
    assertEquals(
        MapKind.STRUCTURAL, CONFIGURED.kindOf(E.type("com.acme.TimedCache").asType(), E.types));
    assertEquals(
        MapKind.CONCURRENT_HASH,
        CONFIGURED.kindOf(E.type("java.util.concurrent.ConcurrentHashMap").asType(), E.types));
  }

  @Test
  void namesAreTestedBeforeAnyLookup() {
    assertTrue(CONFIGURED.isCandidateName("evict"));
    assertTrue(CONFIGURED.isEnteringName("get", 2));
    assertFalse(CONFIGURED.isEnteringName("get", 1)); // no loader parameter: a read
    assertFalse(CONFIGURED.isEnteringName("evict", 1));
    assertFalse(MapMethods.builtIn().isCandidateName("evict"));
  }

  @Test
  void perCpuEntriesOnly_giveTheBuiltInMethods() {
    assertSame(
        MapMethods.builtIn(), MapMethods.create(List.of("test.Shards#update=entering:1:0", " ")));
  }

  @Test
  void twoKindsForOneOwner_isAnErrorNamingBothEntries() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MapMethods.create(
                    List.of(
                        "com.acme.Cache#get=map-compute:1:concurrent",
                        "com.acme.Cache#load=map-compute:1:lock-free")));
    assertEquals(
        "invalid percpu API method spec 'com.acme.Cache#load=map-compute:1:lock-free':"
            + " 'com.acme.Cache#get=map-compute:1:concurrent' gives com.acme.Cache another map"
            + " kind",
        e.getMessage());
  }

  @Test
  void mapEntries_giveNoPerCpuRole() {
    PerCpuApi api = PerCpuApi.create(List.of("com.acme.Cache#get=map-compute:1:concurrent"));
    assertFalse(api.hasConfiguredRoles());
    assertEquals(MethodRole.NONE, api.roleOf(E.method("com.acme.Cache", "get")));
  }
}
