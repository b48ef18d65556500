package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MapFindingTextTest {

  @Test
  void definite_namesMapKindCallsPathAndConsequence() {
    assertEquals(
        "`put` on field `cache` (a ConcurrentHashMap) runs inside the function of the"
            + " `computeIfAbsent` at line 9 on the same map; reached via `load()` (`put` at line"
            + " 14): ConcurrentHashMap throws IllegalStateException (\"Recursive update\") when the"
            + " inner call reaches the bin the outer one holds, and otherwise may lose an update."
            + " Compute the value outside the call (then putIfAbsent), or keep the nested entries"
            + " in a second map.",
        MapFindingText.definite(
            "field `cache`",
            MapKind.CONCURRENT_HASH,
            "`computeIfAbsent`",
            9,
            "put",
            "`load()` (`put` at line 14)"));
  }

  @Test
  void possible_withoutPath_saysWhyItIsOnlyPossible() {
    assertEquals(
        "`put` on parameter `b` may modify the map whose `merge` at line 3 is running this"
            + " function (parameter `a`): nothing shows they are different maps. If they can be"
            + " the same map, compute the value outside the call (then putIfAbsent); if not,"
            + " suppress this warning.",
        MapFindingText.possible(
            "parameter `b`",
            "put",
            "`merge`",
            3,
            "parameter `a`",
            "",
            "nothing shows they are different maps"));
  }
}
