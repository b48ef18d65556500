package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.Tree;
import java.util.List;
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
            TreeMap<String, Integer> tree, List<String> list, NotAMap notAMap) {
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
        }
        void take(Object o) {}
      }
      """;

  private static final Elements E = Elements.compile("test.Calls", SOURCE);
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
            "-"), // a method of the same name on a class that is no map
        got);
  }

  @ParameterizedTest(name = "{0}: candidate {1}, entering {2}")
  @CsvSource({
    "computeIfAbsent, true, true",
    "merge, true, true",
    "put, true, false",
    "clear, true, false",
    "get, false, false",
    "forEach, false, false"
  })
  void namesAreTestedBeforeAnyLookup(String name, boolean candidate, boolean entering) {
    assertEquals(candidate, MapOperation.isCandidateName(name));
    assertEquals(entering, MapOperation.isEnteringName(name));
  }

  @Test
  void declaredInMapItself() {
    ExecutableElement m = E.method("java.util.Map", "computeIfAbsent");
    assertEquals(
        Optional.of(new MapOperation.Call("computeIfAbsent", MapOperation.ENTERING, 1)),
        MapOperation.of(m, E.types));
  }
}
