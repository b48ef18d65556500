package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentitySetTest {

  private static final Symbolic A = new Symbolic("a", null);
  private static final Symbolic B = new Symbolic("b", null);
  private static final Unknown U = new Unknown(null, "a handle of unknown origin");

  @Test
  void union_keepsTheOrderOfFirstAdditionWithoutRepetition() {
    IdentitySet s = IdentitySet.of(A).union(IdentitySet.of(B)).union(IdentitySet.of(A));
    assertEquals(List.of(A, B), s.members());
    assertEquals("one of symbol \"a\", symbol \"b\"", s.describe());
  }

  @Test
  void union_withASubset_isTheSameSet() {
    IdentitySet s = IdentitySet.of(A).union(IdentitySet.of(B));
    assertSame(s, s.union(IdentitySet.of(B)));
    assertSame(s, IdentitySet.empty().union(s));
  }

  @Test
  void definiteMember_isTheOnlyStableMember() {
    assertEquals(Optional.of(A), IdentitySet.of(A).definiteMember());
    assertEquals(Optional.empty(), IdentitySet.of(U).definiteMember());
    assertEquals(Optional.empty(), IdentitySet.of(A).union(IdentitySet.of(B)).definiteMember());
    assertEquals(Optional.empty(), IdentitySet.empty().definiteMember());
  }

  @Test
  void flatMap_dropsMembersMappedToNothing() {
    IdentitySet s =
        IdentitySet.of(A)
            .union(IdentitySet.of(U))
            .flatMap(a -> a == U ? IdentitySet.empty() : IdentitySet.of(B));
    assertEquals(IdentitySet.of(B), s);
    assertTrue(IdentitySet.of(U).flatMap(a -> IdentitySet.empty()).isEmpty());
  }

  @Test
  void equality_isOfMembers() {
    assertEquals(IdentitySet.of(new Symbolic("a", null)), IdentitySet.of(A));
    assertEquals(IdentitySet.copyOf(List.of(A, B, A)), IdentitySet.of(A).union(IdentitySet.of(B)));
  }
}
