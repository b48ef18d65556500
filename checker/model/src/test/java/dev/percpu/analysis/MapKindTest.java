package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The map kinds, one static type per row, and each kind's conflicting inner operations. */
class MapKindTest {

  private static final String SOURCE =
      """
      package test;
      import java.util.*;
      import java.util.concurrent.*;
      class Maps<M extends Map<String, Integer>, C extends ConcurrentMap<String, Integer>> {
        ConcurrentHashMap<String, Integer> chm;
        ConcurrentMap<String, Integer> concurrentMap;
        ConcurrentSkipListMap<String, Integer> skipList;
        ConcurrentNavigableMap<String, Integer> navigableConcurrent;
        HashMap<String, Integer> hashMap;
        LinkedHashMap<String, Integer> linked;
        TreeMap<String, Integer> tree;
        Hashtable<String, Integer> table;
        WeakHashMap<String, Integer> weak;
        OwnMap own;
        OwnConcurrentMap ownConcurrent;
        Map<String, Integer> map;
        SortedMap<String, Integer> sorted;
        NavigableMap<String, Integer> navigable;
        AbstractMap<String, Integer> abstractMap;
        Registry registry;
        M mapVariable;
        C concurrentVariable;
        List<String> list;
        static class OwnMap extends AbstractMap<String, Integer> {
          public Set<Map.Entry<String, Integer>> entrySet() { return Set.of(); }
        }
        static class OwnConcurrentMap extends ConcurrentHashMap<String, Integer> {}
        interface Registry extends Map<String, Integer> {}
      }
      """;

  private static final Elements E = Elements.compile("test.Maps", SOURCE);

  private static TypeMirror field(String name) {
    for (VariableElement v : ElementFilter.fieldsIn(E.type("test.Maps").getEnclosedElements())) {
      if (v.getSimpleName().contentEquals(name)) {
        return v.asType();
      }
    }
    throw new AssertionError("no field " + name);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "chm, CONCURRENT_HASH",
    "concurrentMap, CONCURRENT_HASH",
    "ownConcurrent, CONCURRENT_HASH",
    "concurrentVariable, CONCURRENT_HASH",
    "skipList, LOCK_FREE",
    "navigableConcurrent, LOCK_FREE",
    "hashMap, STRUCTURAL",
    "linked, STRUCTURAL",
    "tree, STRUCTURAL",
    "table, STRUCTURAL",
    "weak, STRUCTURAL",
    "own, STRUCTURAL",
    "map, UNKNOWN",
    "sorted, UNKNOWN",
    "navigable, UNKNOWN",
    "abstractMap, UNKNOWN",
    "registry, UNKNOWN",
    "mapVariable, UNKNOWN",
    "list, UNKNOWN"
  })
  void kindOfStaticType(String field, MapKind expected) {
    assertEquals(expected, MapKind.of(field(field), E.types));
  }

  static Stream<Arguments> conflicts() {
    return Stream.of(
        // kind, inner operation, verdict
        Arguments.of(MapKind.CONCURRENT_HASH, MapOperation.ENTERING, Verdict.DEFINITE),
        Arguments.of(MapKind.CONCURRENT_HASH, MapOperation.ADD, Verdict.DEFINITE),
        Arguments.of(MapKind.CONCURRENT_HASH, MapOperation.REMOVE, Verdict.DEFINITE),
        Arguments.of(MapKind.CONCURRENT_HASH, MapOperation.CLEAR, Verdict.DEFINITE),
        Arguments.of(MapKind.CONCURRENT_HASH, MapOperation.REPLACE, Verdict.DEFINITE),
        Arguments.of(MapKind.STRUCTURAL, MapOperation.ENTERING, Verdict.DEFINITE),
        Arguments.of(MapKind.STRUCTURAL, MapOperation.ADD, Verdict.DEFINITE),
        Arguments.of(MapKind.STRUCTURAL, MapOperation.REMOVE, Verdict.DEFINITE),
        Arguments.of(MapKind.STRUCTURAL, MapOperation.CLEAR, Verdict.DEFINITE),
        // changing a value is not a structural modification: HashMap's modCount stays
        Arguments.of(MapKind.STRUCTURAL, MapOperation.REPLACE, Verdict.DISTINCT),
        Arguments.of(MapKind.LOCK_FREE, MapOperation.ENTERING, Verdict.DISTINCT),
        Arguments.of(MapKind.LOCK_FREE, MapOperation.ADD, Verdict.DISTINCT),
        Arguments.of(MapKind.UNKNOWN, MapOperation.ENTERING, Verdict.DEFINITE),
        Arguments.of(MapKind.UNKNOWN, MapOperation.ADD, Verdict.DEFINITE),
        Arguments.of(MapKind.UNKNOWN, MapOperation.REMOVE, Verdict.DEFINITE),
        Arguments.of(MapKind.UNKNOWN, MapOperation.CLEAR, Verdict.DEFINITE),
        // conflicts only if the unknown map is a ConcurrentHashMap
        Arguments.of(MapKind.UNKNOWN, MapOperation.REPLACE, Verdict.POSSIBLE));
  }

  @ParameterizedTest(name = "{1} inside a {0} entry: {2}")
  @MethodSource("conflicts")
  void conflictOfInnerOperation(MapKind kind, MapOperation inner, Verdict expected) {
    assertEquals(expected, kind.conflict(inner));
  }
}
