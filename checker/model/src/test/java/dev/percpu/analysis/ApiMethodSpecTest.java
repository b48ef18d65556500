package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The map roles of the configured-method text form; the per-CPU roles are in PerCpuApiTest. */
class ApiMethodSpecTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "map-compute:1:concurrent, ENTERING, 1, CONCURRENT_HASH",
    "map-compute:2:structural, ENTERING, 2, STRUCTURAL",
    "map-compute:0:lock-free, ENTERING, 0, LOCK_FREE",
  })
  void mapCompute_givesTheClosureAndTheOwnersKind(
      String role, MapOperation operation, int closure, MapKind kind) {
    ApiMethodSpec spec = ApiMethodSpec.parse("com.acme.Cache#get=" + role);
    assertEquals(new MapOperation.Call("get", operation, closure), spec.mapCall());
    assertEquals(kind, spec.mapKind());
    assertNull(spec.role());
    assertEquals(List.of(), spec.deferred());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"map-add, ADD", "map-remove, REMOVE", "map-clear, CLEAR", "map-replace, REPLACE"})
  void mapModification_givesItsOperationAndNoKind(String role, MapOperation operation) {
    ApiMethodSpec spec = ApiMethodSpec.parse("com.acme.Cache#evict=" + role);
    assertEquals(new MapOperation.Call("evict", operation, -1), spec.mapCall());
    assertNull(spec.mapKind());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "map-compute:1 | expected map-compute:CLOSURE:KIND (KIND: concurrent, structural,"
            + " lock-free)",
        "map-compute:1:concurrent:2 | expected map-compute:CLOSURE:KIND",
        "map-compute:one:concurrent | 'one' is not a parameter index",
        "map-compute:-1:concurrent | parameter index -1 is negative",
        "map-compute:1:fast | unknown map kind 'fast' (concurrent, structural, lock-free)",
        "map-add:1 | 'map-add' takes no parameters",
        "map-evict | unknown map role 'map-evict' (map-compute, map-add, map-remove,"
            + " map-clear, map-replace)",
      })
  void malformedMapRole_namesTheEntryAndTheProblem(String role, String why) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ApiMethodSpec.parse("a.B#m=" + role));
    assertTrue(
        e.getMessage().startsWith("invalid percpu API method spec 'a.B#m=" + role + "': " + why),
        e.getMessage());
  }
}
