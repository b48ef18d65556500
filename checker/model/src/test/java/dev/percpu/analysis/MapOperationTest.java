package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which calls are map operations, and of what kind, on the elements javac hands the checkers. */
class MapOperationTest {

  private static final String SOURCE =
      """
      package test;
      import java.util.*;
      import java.util.concurrent.*;
      class Calls {
        static class NotAMap {
          void put(String k, int v) {}
          Object computeIfAbsent(Object k, java.util.function.Function<Object, Object> f) { return null; }
        }
        void run(Map<String, Integer> map, ConcurrentHashMap<String, Integer> chm,
            TreeMap<String, Integer> tree, List<String> list, NotAMap notAMap,
            com.github.benmanes.caffeine.cache.Cache<String, Integer> cache) {
          take(map.computeIfAbsent("k", k -> 1));
          take(map.compute("k", (k, v) -> 1));
          take(map.computeIfPresent("k", (k, v) -> 1));
          take(map.merge("k", 1, Integer::sum));
          take(chm.computeIfAbsent("k", k -> 1));
          take(tree.merge("k", 1, Integer::sum));
          take(map.put("k", 1));
          take(map.putIfAbsent("k", 1));
          take(map.remove("k"));
          take(map.remove("k", 1));
          take(map.replace("k", 1));
          take(map.get("k"));
          take(list.remove("k"));
          take(notAMap.computeIfAbsent("k", k -> 1));
          take(cache.get("k", k -> 1));
          take(map.get("k"));
        }
        void take(Object o) {}
      }
      """;

  private static final String CAFFEINE =
      """
      package com.github.benmanes.caffeine.cache;
      public interface Cache<K, V> {
        V get(K key, java.util.function.Function<? super K, ? extends V> mappingFunction);
        void put(K key, V value);
        void invalidate(K key);
        void invalidateAll();
      }
      """;

  private static final Elements E =
      Elements.compile(
          Map.of("test.Calls", SOURCE, "com.github.benmanes.caffeine.cache.Cache", CAFFEINE));
  private static final Function<Tree, ExecutableElement> CALLEES = E.callees();

  private static List<Optional<MapOperation.Call>> calls() {
    return E.takeArguments(
        "test.Calls",
        arg -> {
          ExecutableElement m = CALLEES.apply(arg);
          return m == null ? Optional.<MapOperation.Call>empty() : MapOperation.of(m, E.types);
        });
  }

  @Test
  void classifiesEachCallInSourceOrder() {
    List<String> got =
        calls().stream()
            .map(c -> c.map(x -> x.name() + ":" + x.operation() + ":" + x.closureIndex()))
            .map(o -> o.orElse("-"))
            .toList();
    assertEquals(
        List.of(
            "computeIfAbsent:ENTERING:1",
            "compute:ENTERING:1",
            "computeIfPresent:ENTERING:1",
            "merge:ENTERING:2",
            "computeIfAbsent:ENTERING:1",
            "merge:ENTERING:2",
            "put:ADD:-1",
            "putIfAbsent:ADD:-1",
            "remove:REMOVE:-1",
            "remove:REMOVE:-1",
            "replace:REPLACE:-1",
            "-", // a read
            "-", // Collection.remove
            "-", // a method of the same name on a class that is no map
            "get:ENTERING:1", // Caffeine's Cache.get(key, mappingFunction)
            "-"), // Map.get
        got);
  }

  @ParameterizedTest(name = "{0}/{1}: candidate {2}, entering {3}")
  @CsvSource({
    "computeIfAbsent, 2, true, true",
    "computeIfAbsent, 1, true, false",
    "merge, 3, true, true",
    "put, 2, true, false",
    "clear, 0, true, false",
    "get, 1, true, false", // Map.get: a read
    "get, 2, true, true", // Caffeine's Cache.get(key, mappingFunction)
    "forEach, 1, false, false"
  })
  void namesAreTestedBeforeAnyLookup(String name, int arity, boolean candidate, boolean entering) {
    assertEquals(candidate, MapOperation.isCandidateName(name));
    assertEquals(entering, MapOperation.isEnteringName(name, arity));
  }

  @Test
  void declaredInMapItself() {
    ExecutableElement m = E.method("java.util.Map", "computeIfAbsent");
    assertEquals(
        Optional.of(new MapOperation.Call("computeIfAbsent", MapOperation.ENTERING, 1)),
        MapOperation.of(m, E.types));
  }
}
