package dev.percpu.analysis;

import static dev.percpu.analysis.Shards.COUNTS;
import static dev.percpu.analysis.Shards.LONGS;
import static dev.percpu.analysis.Shards.SCRATCH;
import static dev.percpu.analysis.Shards.TOTAL;
import static dev.percpu.analysis.Shards.callOfUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.Tree;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
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

  private static final Elements NESTED =
      Elements.compile(
          "test.Outer",
"""
          package test;
          import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
          class Base {
            final List<long[]> inherited = null;
            static final List<long[]> BASE_TOTAL = null;
          }
          class Outer extends Base {
            static final List<long[]> OUTER_TOTAL = null;
            static class Inner {
              void run() {}
            }
            class Sub extends Base {
              void work() {}
            }
          }
          """);

  private static IdentitySet bindIn(String type, String method, String term) {
    return EffectTermBinder.bind(
        EffectTerm.parse(term),
        new FakeCallSite(
            NESTED.method(type, method),
            List.of(),
            null,
            true,
            false,
            Shards.CALL,
            Shards.CALLER,
            8));
  }

  private static String fieldName(IdentitySet ids) {
    return ((AllocationIdentity.Variable) ids.members().get(0)).variable().getSimpleName()
        + " of "
        + ((AllocationIdentity.Variable) ids.members().get(0))
            .variable()
            .getEnclosingElement()
            .getSimpleName();
  }

  @Test
  void qualifiedField_ofAnEnclosingClass_isThatClassesField() {
    assertEquals(
        "OUTER_TOTAL of Outer", fieldName(bindIn("test.Outer.Inner", "run", "Outer.OUTER_TOTAL")));
    assertEquals(
        "OUTER_TOTAL of Outer",
        fieldName(bindIn("test.Outer.Inner", "run", "test.Outer.OUTER_TOTAL")));
  }

  @Test
  void qualifiedField_inheritedByTheNamedClass_isTheSuperclassField() {
    assertEquals(
        "BASE_TOTAL of Base", fieldName(bindIn("test.Outer.Inner", "run", "Outer.BASE_TOTAL")));
  }

  @Test
  void inheritedField_isTheSuperclassField() {
    assertEquals("inherited of Base", fieldName(bindIn("test.Outer.Sub", "work", "inherited")));
    assertEquals(
        "inherited of Base", fieldName(bindIn("test.Outer.Sub", "work", "this.inherited")));
  }

  @Test
  void unqualifiedField_ofAnEnclosingClass_isNotInScopeOfTheTermsOwnClass() {
    // A term names the callee's own fields and its superclasses' unless it names another class.
    assertTrue(bindIn("test.Outer.Inner", "run", "OUTER_TOTAL").isEmpty());
  }

  @Test
  void qualifierNamingNoVisibleClass_namesNothing() {
    assertTrue(bindIn("test.Outer.Inner", "run", "Elsewhere.OUTER_TOTAL").isEmpty());
  }

  @Test
  void fieldOnTheCurrentObject_isWhatTheCallSiteSaysTheFieldIs() {
    IdentitySet checkersName = IdentitySet.of(new Symbolic("the checker's own name", LONGS));
    FakeCallSite fake = callOfUpdate(List.of(), null, true);
    CallSite site =
        new CallSite() {
          @Override
          public ExecutableElement callee() {
            return fake.callee();
          }

          @Override
          public Optional<IdentitySet> argument(int index) {
            return fake.argument(index);
          }

          @Override
          public Optional<IdentitySet> receiver() {
            return fake.receiver();
          }

          @Override
          public boolean onCurrentObject() {
            return true;
          }

          @Override
          public IdentitySet field(VariableElement field) {
            return checkersName;
          }

          @Override
          public Tree tree() {
            return fake.tree();
          }

          @Override
          public ExecutableElement caller() {
            return fake.caller();
          }

          @Override
          public int line() {
            return fake.line();
          }
        };
    assertEquals(checkersName, EffectTermBinder.bind(EffectTerm.parse("counts"), site));
  }
}
