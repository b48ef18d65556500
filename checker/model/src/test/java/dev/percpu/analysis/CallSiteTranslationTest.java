package dev.percpu.analysis;

import static dev.percpu.analysis.Shards.CALL;
import static dev.percpu.analysis.Shards.CALLER;
import static dev.percpu.analysis.Shards.COUNTS;
import static dev.percpu.analysis.Shards.INITIALISER;
import static dev.percpu.analysis.Shards.LONGS;
import static dev.percpu.analysis.Shards.MINE;
import static dev.percpu.analysis.Shards.OTHER;
import static dev.percpu.analysis.Shards.STATIC_INITIALISER;
import static dev.percpu.analysis.Shards.TARGET;
import static dev.percpu.analysis.Shards.TOTAL;
import static dev.percpu.analysis.Shards.UPDATE;
import static dev.percpu.analysis.Shards.callOfUpdate;
import static dev.percpu.analysis.Shards.callOfUpdateOnANewObject;
import static dev.percpu.analysis.Shards.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.OfHeldObject;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSiteTranslationTest {

  private static final IdentitySet ARGUMENT = IdentitySet.of(new Symbolic("hits", LONGS));
  private static final CallSite ON_THIS = callOfUpdate(List.of(ARGUMENT), null, true);
  private static final CallSite ON_OTHER = callOfUpdate(List.of(ARGUMENT), null, false);
  private static final CallSite METHOD_REFERENCE = callOfUpdate(List.of(), null, true);
  private static final CallSite ON_NEW = callOfUpdateOnANewObject(List.of(ARGUMENT));

  /** What {@code this.counts}, initialised with {@code PerCpu.allocate(..)}, reaches. */
  private static final Fresh COUNTS_ALLOCATION =
      new Fresh(INITIALISER, null, false, LONGS, "counts", 4).ownedBy(field("counts"));

  /** What {@code TOTAL}, a static field initialised with {@code PerCpu.allocate(..)}, reaches. */
  private static final Fresh TOTAL_ALLOCATION =
      new Fresh(STATIC_INITIALISER, null, false, LONGS, "TOTAL", 5).ownedBy(field("TOTAL"));

  @Test
  void calleeParameter_isWhatTheArgumentReaches() {
    assertEquals(ARGUMENT, CallSiteTranslation.entered(IdentitySet.of(TARGET), ON_THIS));
    assertEquals(ARGUMENT, CallSiteTranslation.returned(IdentitySet.of(TARGET), ON_THIS));
  }

  @Test
  void calleeParameterWithoutAnArgument_isAnUnknownArgument() {
    assertEquals(
        IdentitySet.of(new Unknown(LONGS, "an argument of `update()`")),
        CallSiteTranslation.entered(IdentitySet.of(TARGET), METHOD_REFERENCE));
  }

  @Test
  void fieldOfTheCurrentObject_isTheCallersSameField() {
    assertEquals(
        IdentitySet.of(COUNTS), CallSiteTranslation.entered(IdentitySet.of(COUNTS), ON_THIS));
  }

  @Test
  void fieldThroughAnotherReceiver_isAnotherObjectsField() {
    IdentitySet translated = CallSiteTranslation.entered(IdentitySet.of(COUNTS), ON_OTHER);
    assertEquals("field `counts` of another object", translated.describe());
    assertTrue(translated.definiteMember().isEmpty());
  }

  @Test
  void staticField_isItselfWhateverTheReceiver() {
    assertEquals(
        IdentitySet.of(TOTAL), CallSiteTranslation.entered(IdentitySet.of(TOTAL), ON_OTHER));
  }

  @Test
  void allocationOfOneEvaluation_isNothingTheCallerEntered_butNewWhenReturned() {
    Fresh inCallee = new Fresh(CALL, UPDATE, false, LONGS, "scratch", 6);
    assertTrue(CallSiteTranslation.entered(IdentitySet.of(inCallee), ON_THIS).isEmpty());
    IdentitySet returned = CallSiteTranslation.returned(IdentitySet.of(inCallee), ON_THIS);
    Fresh atCall = (Fresh) returned.members().get(0);
    assertEquals(CALLER, atCall.scope());
    assertEquals(8, atCall.line());
    // A new allocation at the call: distinct from the caller's parameters.
    assertEquals(Verdict.DISTINCT, Verdict.of(atCall, MINE, Shards.E.types));
  }

  @Test
  void allocationOfAnObject_andSymbols_andUnknowns_stay() {
    IdentitySet stays =
        IdentitySet.copyOf(
            List.of(
                new Fresh(CALL, null, false, LONGS, "counts", 4),
                new Symbolic("hits", null),
                new Unknown(LONGS, "an element")));
    assertEquals(stays, CallSiteTranslation.entered(stays, ON_OTHER));
  }

  @Test
  void anotherVariableOfTheCallee_isUnknownToTheCaller() {
    assertEquals(
        IdentitySet.of(new Unknown(LONGS, "a handle inside `update()`")),
        CallSiteTranslation.entered(IdentitySet.of(MINE), ON_THIS));
  }

  @Test
  void instanceFieldsAllocation_onTheCurrentObject_isTheSameAllocation() {
    IdentitySet translated =
        CallSiteTranslation.entered(IdentitySet.of(COUNTS_ALLOCATION), ON_THIS);
    assertEquals(
        Verdict.DEFINITE,
        Verdict.of(translated, IdentitySet.of(COUNTS_ALLOCATION), Shards.E.types));
  }

  @Test
  void instanceFieldsAllocation_throughAnotherReceiver_isOnlyPossiblyTheCallersOwn() {
    IdentitySet translated =
        CallSiteTranslation.entered(IdentitySet.of(COUNTS_ALLOCATION), ON_OTHER);
    assertEquals("field `counts` of another object", translated.describe());
    assertEquals(
        Verdict.POSSIBLE,
        Verdict.of(translated, IdentitySet.of(COUNTS_ALLOCATION), Shards.E.types));
    assertEquals(
        translated, CallSiteTranslation.returned(IdentitySet.of(COUNTS_ALLOCATION), ON_OTHER));
  }

  @Test
  void instanceFieldsAllocation_onANewObject_isNothingTheCallerEntered_butNewWhenReturned() {
    assertTrue(CallSiteTranslation.entered(IdentitySet.of(COUNTS_ALLOCATION), ON_NEW).isEmpty());
    IdentitySet returned = CallSiteTranslation.returned(IdentitySet.of(COUNTS_ALLOCATION), ON_NEW);
    Fresh atCall = (Fresh) returned.members().get(0);
    assertEquals(CALLER, atCall.scope());
    assertEquals(
        Verdict.DISTINCT,
        Verdict.of(returned, IdentitySet.of(COUNTS_ALLOCATION.perObject()), Shards.E.types));
  }

  @Test
  void staticFieldsAllocation_isTheSameAllocationWhateverTheReceiver() {
    for (CallSite site : List.of(ON_THIS, ON_OTHER, ON_NEW)) {
      IdentitySet translated = CallSiteTranslation.entered(IdentitySet.of(TOTAL_ALLOCATION), site);
      assertEquals(
          Verdict.DEFINITE,
          Verdict.of(translated, IdentitySet.of(TOTAL_ALLOCATION), Shards.E.types),
          "on " + site);
    }
  }

  @Test
  void instanceFieldsVariable_onANewObject_isAnotherObjectsField() {
    // Assigned from a constructor parameter, the new object's field may hold any handle.
    IdentitySet translated = CallSiteTranslation.entered(IdentitySet.of(COUNTS), ON_NEW);
    assertEquals("field `counts` of another object", translated.describe());
  }

  @Test
  void fieldOfANewObject_isANewAllocationOfItsInitialiser_orAnotherObjectsField() {
    IdentitySet onCurrentObject =
        IdentitySet.copyOf(List.of(COUNTS_ALLOCATION, TOTAL_ALLOCATION, COUNTS, TOTAL));
    IdentitySet made = CallSiteTranslation.fieldOfNewObject(onCurrentObject, CALL, CALLER, 8);
    List<AllocationIdentity> members = made.members();
    Fresh fresh = (Fresh) members.get(0);
    assertEquals(CALL, fresh.site());
    assertEquals(CALLER, fresh.scope());
    assertEquals(
        Verdict.DISTINCT, Verdict.of(fresh, COUNTS_ALLOCATION, Shards.E.types), "a new allocation");
    assertEquals(TOTAL_ALLOCATION, members.get(1));
    assertEquals("field `counts` of another object", members.get(2).describe());
    assertEquals(TOTAL, members.get(3));
  }

  @Test
  void fieldThroughAStableVariable_isTheHeldObjectsField_staticOnesStay() {
    IdentitySet onCurrentObject =
        IdentitySet.copyOf(
            List.of(
                COUNTS_ALLOCATION, COUNTS, TOTAL_ALLOCATION, TOTAL, new Symbolic("hits", null)));
    List<AllocationIdentity> members =
        CallSiteTranslation.fieldOfVariable(onCurrentObject, MINE.variable(), field("counts"))
            .members();
    assertEquals(
        new OfHeldObject(MINE.variable(), field("counts"), COUNTS_ALLOCATION), members.get(0));
    assertEquals("field `counts` of another object", members.get(0).describe());
    assertEquals(new OfHeldObject(MINE.variable(), field("counts"), COUNTS), members.get(1));
    assertEquals(onCurrentObject.members().subList(2, 5), members.subList(2, 5));
  }

  @Test
  void heldObjectsField_throughTheCalleesParameter_isReadThroughTheVariablePassed() {
    OfHeldObject inCallee = new OfHeldObject(TARGET.variable(), field("counts"), COUNTS_ALLOCATION);
    CallSite passingMine = callOfUpdate(List.of(IdentitySet.of(MINE)), null, false);
    assertEquals(
        IdentitySet.of(new OfHeldObject(MINE.variable(), field("counts"), COUNTS_ALLOCATION)),
        CallSiteTranslation.entered(IdentitySet.of(inCallee), passingMine));
    assertEquals(
        "field `counts` of another object",
        CallSiteTranslation.entered(IdentitySet.of(inCallee), ON_THIS).describe(),
        "a symbol passed is no variable holding an object");
  }

  @Test
  void heldObjectsField_throughTheCalleesField_isTheSameReadOnlyOnTheCurrentObject() {
    OfHeldObject inCallee = new OfHeldObject(COUNTS.variable(), field("counts"), COUNTS_ALLOCATION);
    assertEquals(
        IdentitySet.of(inCallee), CallSiteTranslation.entered(IdentitySet.of(inCallee), ON_THIS));
    assertEquals(
        "field `counts` of another object",
        CallSiteTranslation.entered(IdentitySet.of(inCallee), ON_OTHER).describe());
    OfHeldObject throughLocal =
        new OfHeldObject(OTHER.variable(), field("counts"), COUNTS_ALLOCATION);
    assertTrue(
        CallSiteTranslation.entered(IdentitySet.of(throughLocal), ON_THIS)
            .definiteMember()
            .isEmpty());
  }
}
