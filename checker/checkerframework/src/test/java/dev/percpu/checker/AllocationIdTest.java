package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.percpu.checker.AllocationId.Aliasing;
import org.junit.jupiter.api.Test;

/** The comparison of identities, independent of any compilation (no type arguments known). */
class AllocationIdTest {

  private static AllocationId id(String key) {
    return new AllocationId(key, null, String.valueOf(key));
  }

  private static Aliasing compare(String a, String b) {
    Aliasing forward = AllocationId.compare(id(a), id(b), null);
    assertEquals(forward, AllocationId.compare(id(b), id(a), null), "compare must be symmetric");
    return forward;
  }

  @Test
  void sameName_isTheSameAllocation() {
    assertEquals(Aliasing.SAME, compare("fresh:1", "fresh:1"));
    assertEquals(Aliasing.SAME, compare("var:p@3", "var:p@3"));
  }

  @Test
  void differentFreshSitesAndSymbols_areDistinct() {
    assertEquals(Aliasing.DISTINCT, compare("fresh:1", "fresh:2"));
    assertEquals(Aliasing.DISTINCT, compare("symbol:a", "symbol:b"));
    assertEquals(Aliasing.DISTINCT, compare("fresh:1", "symbol:a"));
  }

  @Test
  void namedButUnresolved_mayAliasAnything() {
    assertEquals(Aliasing.MAYBE, compare("var:p@3", "var:q@4"));
    assertEquals(Aliasing.MAYBE, compare("field:A.f", "fresh:1"));
    assertEquals(Aliasing.MAYBE, compare(null, "symbol:a"));
    assertEquals(Aliasing.MAYBE, compare(null, null));
  }

  @Test
  void distinctDeclarations_areDistinctFromEverythingElse() {
    assertEquals(Aliasing.DISTINCT, compare("distinct:var:p@3", "var:q@4"));
    assertEquals(Aliasing.DISTINCT, compare("distinct:var:p@3", null));
    assertEquals(Aliasing.SAME, compare("distinct:var:p@3", "distinct:var:p@3"));
  }
}
