package dev.percpu.analysis;

import static dev.percpu.analysis.Shards.COUNTS;
import static dev.percpu.analysis.Shards.LONGS;
import static dev.percpu.analysis.Shards.SCRATCH;
import static dev.percpu.analysis.Shards.TOTAL;
import static dev.percpu.analysis.Shards.callOfUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.analysis.AllocationIdentity.Symbolic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In the manner of Error Prone's {@code GuardedByBinderTest}: a term, a call site, a binding. */
class EffectTermBinderTest {

  private static final IdentitySet FIRST = IdentitySet.of(new Symbolic("first", LONGS));
  private static final IdentitySet SECOND = IdentitySet.of(new Symbolic("second", LONGS));
  private static final IdentitySet RECEIVER = IdentitySet.of(new Symbolic("receiver", LONGS));

  private static IdentitySet bind(String term, boolean onCurrentObject) {
    return EffectTermBinder.bind(
        EffectTerm.parse(term), callOfUpdate(List.of(FIRST, SECOND), RECEIVER, onCurrentObject));
  }

  @Test
  void this_isTheReceiver() {
    assertEquals(RECEIVER, bind("this", true));
  }

  @Test
  void parameterIndex_isOneBasedArgument() {
    assertEquals(FIRST, bind("#1", true));
    assertEquals(SECOND, bind("#2", true));
  }

  @Test
  void parameterWithoutAnArgument_namesNothing() {
    assertTrue(bind("#3", true).isEmpty());
  }

  @Test
  void symbol_isTheDefinedVariable() {
    assertEquals(IdentitySet.of(new Symbolic("hits", null)), bind("symbol:hits", false));
  }

  @Test
  void fieldOnTheCurrentObject_isTheField_withOrWithoutThis() {
    assertEquals(IdentitySet.of(COUNTS), bind("counts", true));
    assertEquals(IdentitySet.of(COUNTS), bind("this.counts", true));
  }

  @Test
  void fieldThroughAnotherReceiver_isAnotherObjectsField() {
    assertEquals("field `counts` of another object", bind("counts", false).describe());
  }

  @Test
  void staticField_isItselfWhateverTheReceiver() {
    assertEquals(IdentitySet.of(TOTAL), bind("TOTAL", false));
    assertEquals(IdentitySet.of(TOTAL), bind("Shards.TOTAL", false));
  }

  @Test
  void distinctField_keepsItsPromise() {
    assertTrue(bind("scratch", true).members().get(0).isPromisedDistinct());
    assertEquals(IdentitySet.of(SCRATCH), bind("scratch", true));
  }

  @Test
  void unknownField_namesNothing() {
    assertTrue(bind("missing", true).isEmpty());
  }
}
