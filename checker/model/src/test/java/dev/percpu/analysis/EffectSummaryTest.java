package dev.percpu.analysis;

import static dev.percpu.analysis.Shards.CALL;
import static dev.percpu.analysis.Shards.COUNTS;
import static dev.percpu.analysis.Shards.LONGS;
import static dev.percpu.analysis.Shards.TARGET;
import static dev.percpu.analysis.Shards.UPDATE;
import static dev.percpu.analysis.Shards.callOfUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectSummaryTest {

  private static final IdentitySet ARGUMENT = IdentitySet.of(new Symbolic("hits", LONGS));

  @Test
  void instantiate_translatesEachEffectAndKeepsItsPath() {
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.enter(IdentitySet.of(TARGET), true, "`with` at line 6");
    b.enter(IdentitySet.of(new Fresh(CALL, UPDATE, false, LONGS, "", 6)), true, "`with` at line 7");
    List<Effect> atCall = b.build().instantiate(callOfUpdate(List.of(ARGUMENT), null, true));
    assertEquals(List.of(new Effect(ARGUMENT, true, "`with` at line 6")), atCall);
  }

  @Test
  void entriesAround_areInTheCallersTermsAndNamedByTheCallee() {
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.invoke(1, true, List.of(new Entry(IdentitySet.of(COUNTS), "`with`", 6, true, null)));
    List<Entry> around = b.build().entriesAround(1, callOfUpdate(List.of(ARGUMENT), null, true));
    assertEquals(List.of(new Entry(IdentitySet.of(COUNTS), "`update()`", 6, true, null)), around);
    assertEquals(List.of(), b.build().entriesAround(0, callOfUpdate(List.of(), null, true)));
  }

  @Test
  void invokedParameters_areThoseRecorded_evenOutsideAnyEntry() {
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.invoke(1, true, List.of(new Entry(IdentitySet.of(COUNTS), "`with`", 6, true, null)));
    b.invoke(0, true, List.of());
    EffectSummary s = b.build();
    assertEquals(List.of(1, 0), List.copyOf(s.invokedParameters()));
    assertTrue(s.invocation(0).around().isEmpty());
    assertTrue(EffectSummary.EMPTY.invokedParameters().isEmpty());
  }

  @Test
  void entriesAroundAnUncertainInvocation_areUncertain() {
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.invoke(0, false, List.of(new Entry(IdentitySet.of(COUNTS), "`with`", 6, true, null)));
    Entry e = b.build().entriesAround(0, callOfUpdate(List.of(), null, true)).get(0);
    assertFalse(e.certain());
  }

  @Test
  void aCertainEntry_outweighsAnUncertainOne() {
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.enter(IdentitySet.of(COUNTS), false, "maybe");
    b.enter(IdentitySet.of(COUNTS), true, "surely");
    b.enter(IdentitySet.of(COUNTS), false, "maybe again");
    Effect only = b.build().enters().iterator().next();
    assertTrue(only.certain());
    assertEquals("surely", only.path());
  }

  @Test
  void equality_ignoresPathsButNotCertainty() {
    EffectSummary.Builder a = new EffectSummary.Builder();
    a.enter(IdentitySet.of(COUNTS), true, "one way");
    EffectSummary.Builder b = new EffectSummary.Builder();
    b.enter(IdentitySet.of(COUNTS), true, "another way");
    EffectSummary.Builder c = new EffectSummary.Builder();
    c.enter(IdentitySet.of(COUNTS), false, "one way");
    assertEquals(a.build(), b.build());
    assertNotEquals(a.build(), c.build());
    assertTrue(EffectSummary.EMPTY.isEmpty());
  }
}
