package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.junit.jupiter.api.Test;

class NestedParametersTest {

  private static final Elements E =
      Elements.compile(
          "test.Helpers",
          """
          package test;
          import java.util.List;
          class Helpers {
            static void nest(List<long[]> outer, List<long[]> inner) { }
            static void wrap(List<long[]> x, List<long[]> y) { nest(x, y); }
          }
          """);
  private static final ExecutableElement NEST = E.method("test.Helpers", "nest");
  private static final ExecutableElement WRAP = E.method("test.Helpers", "wrap");
  private static final TypeMirror LONGS = TypeArguments.of(NEST.getParameters().get(0).asType());

  private static final IdentitySet OUTER = parameter(NEST, 0);
  private static final IdentitySet INNER = parameter(NEST, 1);
  private static final IdentitySet X = parameter(WRAP, 0);
  private static final IdentitySet Y = parameter(WRAP, 1);
  private static final IdentitySet HITS = IdentitySet.of(new Symbolic("hits", LONGS));
  private static final IdentitySet MISSES = IdentitySet.of(new Symbolic("misses", LONGS));

  /** {@code outer.with(a -> inner.with(..))} in {@code nest}. */
  private static final NestedParameters IN_NEST = new NestedParameters(INNER, OUTER, true);

  @Test
  void between_onlyWhenBothSidesAreTheMethodsParameters() {
    assertTrue(NestedParameters.between(INNER, OUTER, NEST));
    assertFalse(NestedParameters.between(INNER, HITS, NEST));
    assertFalse(NestedParameters.between(INNER, OUTER, WRAP));
    assertFalse(NestedParameters.between(IdentitySet.empty(), OUTER, NEST));
  }

  @Test
  void oneAllocationOnBothSides_isDefiniteAtTheCall() {
    NestedParameters.AtCall at = IN_NEST.at(callOfNest(HITS, HITS), E.types);
    assertEquals(Verdict.DEFINITE, at.verdict());
    assertEquals(HITS, at.inner());
    assertEquals(HITS, at.outer());
    assertFalse(at.carriesOn());
  }

  @Test
  void distinctArguments_areNothingAtTheCall() {
    assertEquals(Verdict.DISTINCT, IN_NEST.at(callOfNest(HITS, MISSES), E.types).verdict());
  }

  @Test
  void uncertainNesting_isAtMostPossibleAtTheCall() {
    NestedParameters uncertain = new NestedParameters(INNER, OUTER, false);
    assertEquals(Verdict.POSSIBLE, uncertain.at(callOfNest(HITS, HITS), E.types).verdict());
  }

  @Test
  void callersParametersOnBothSides_carryTheQuestionOnAsTheCallersNesting() {
    NestedParameters.AtCall at = IN_NEST.at(callOfNest(X, Y), E.types);
    assertEquals(Verdict.POSSIBLE, at.verdict());
    assertTrue(at.carriesOn());
    assertEquals(new NestedParameters(Y, X, true), at.asNesting());
  }

  @Test
  void possibleWithASideNotTheCallers_doesNotCarryOn() {
    NestedParameters.AtCall at = IN_NEST.at(callOfNest(X, HITS), E.types);
    assertEquals(Verdict.POSSIBLE, at.verdict());
    assertFalse(at.carriesOn());
  }

  /** {@code nest(outer, inner)} called from {@code wrap} with these arguments. */
  private static CallSite callOfNest(IdentitySet outer, IdentitySet inner) {
    return new FakeCallSite(NEST, List.of(outer, inner), null, true, false, null, WRAP, 5);
  }

  private static IdentitySet parameter(ExecutableElement m, int index) {
    VariableElement p = m.getParameters().get(index);
    return IdentitySet.of(new Variable(p, TypeArguments.of(p.asType()), false));
  }
}
