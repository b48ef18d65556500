package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.OfHeldObject;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict table, row by row, in the manner of Error Prone's {@code HeldLockAnalyzerTest}: each
 * row is an inner identity, an entered identity and the verdict, checked in both argument orders.
 */
class VerdictTest {

  private static final String SOURCE =
      """
      package test;
      import java.util.List;
      class Handles<T> {
        List<long[]> field;
        List<long[]> otherField;
        @dev.percpu.qual.Distinct List<long[]> distinctField;
        List<int[]> ints;
        List<T> open;
        void m(List<long[]> p, List<long[]> q) { Object a = site(); Object b = site(); }
        void other(List<long[]> r) { }
        static Object site() { return null; }
      }
      """;

  private static final Elements E = Elements.compile("test.Handles", SOURCE);
  private static final TypeElement HANDLES = E.type("test.Handles");
  private static final ExecutableElement M = E.method("test.Handles", "m");
  private static final ExecutableElement OTHER = E.method("test.Handles", "other");
  private static final List<Tree> SITES = sites();

  private static final TypeMirror LONGS = typeArgument(field("field"));
  private static final TypeMirror INTS = typeArgument(field("ints"));
  private static final TypeMirror OPEN = typeArgument(field("open"));

  private static final Variable FIELD = variable(field("field"));
  private static final Variable OTHER_FIELD = variable(field("otherField"));
  private static final Variable DISTINCT_FIELD =
      new Variable(field("distinctField"), LONGS, PerCpuApi.isDistinct(field("distinctField")));
  private static final Variable P = variable(M.getParameters().get(0));
  private static final Variable Q = variable(M.getParameters().get(1));
  private static final Variable R = variable(OTHER.getParameters().get(0));

  private static final Fresh SITE_A = new Fresh(SITES.get(0), null, false, LONGS, "a", 9);
  private static final Fresh SITE_A_RELABELLED = new Fresh(SITES.get(0), M, false, LONGS, "", 9);
  private static final Fresh SITE_A_OF_FIELD = SITE_A.ownedBy(FIELD.variable());
  private static final Fresh SITE_B = new Fresh(SITES.get(1), null, false, LONGS, "b", 9);
  private static final Fresh IN_M = new Fresh(SITES.get(0), M, false, LONGS, "", 9);
  private static final Fresh IN_M_INTS = new Fresh(SITES.get(1), M, false, INTS, "", 9);
  private static final Fresh DISTINCT_RESULT = new Fresh(SITES.get(1), M, true, LONGS, "", 9);

  /**
   * {@code p.field}, {@code p.otherField} (a clone of it), {@code q.field}: the objects p, q hold.
   */
  private static final OfHeldObject P_FIELD =
      new OfHeldObject(P.variable(), FIELD.variable(), SITE_A_OF_FIELD);

  private static final OfHeldObject P_FIELD_CLONE =
      new OfHeldObject(P.variable(), OTHER_FIELD.variable(), SITE_A_OF_FIELD);
  private static final OfHeldObject Q_FIELD =
      new OfHeldObject(Q.variable(), FIELD.variable(), SITE_A_OF_FIELD);
  private static final OfHeldObject P_OTHER_SITE =
      new OfHeldObject(
          P.variable(), OTHER_FIELD.variable(), SITE_B.ownedBy(OTHER_FIELD.variable()));
  private static final OfHeldObject P_FIELD_ITSELF =
      new OfHeldObject(P.variable(), FIELD.variable(), FIELD);

  private static final Symbolic HITS = new Symbolic("hits", LONGS);
  private static final Symbolic HITS_UNTYPED = new Symbolic("hits", null);
  private static final Symbolic MISSES = new Symbolic("misses", LONGS);

  private static final Unknown RESULT = new Unknown(LONGS, "a `PerCpu<long[]>` of unknown origin");
  private static final Unknown INT_RESULT = new Unknown(INTS, "an `int[]` handle");
  private static final Unknown OPEN_RESULT = new Unknown(OPEN, "a `PerCpu<T>`");
  private static final Unknown UNTYPED = new Unknown(null, "a handle of unknown origin");

  static Stream<Arguments> table() {
    return Stream.of(
        row("same field", FIELD, FIELD, Verdict.DEFINITE),
        row("same parameter", P, P, Verdict.DEFINITE),
        row("same site, different labels and scopes", SITE_A, SITE_A_RELABELLED, Verdict.DEFINITE),
        row("same site, seen through a field or not", SITE_A_OF_FIELD, SITE_A, Verdict.DEFINITE),
        row("same symbol, type known on one side", HITS, HITS_UNTYPED, Verdict.DEFINITE),
        row("same @Distinct field", DISTINCT_FIELD, DISTINCT_FIELD, Verdict.DEFINITE),
        row("one holder's field", P_FIELD, P_FIELD, Verdict.DEFINITE),
        row("one holder's field and its clone", P_FIELD, P_FIELD_CLONE, Verdict.DEFINITE),
        row(
            "one holder's field with no initialiser",
            P_FIELD_ITSELF,
            P_FIELD_ITSELF,
            Verdict.DEFINITE),
        row("two holders' same field", P_FIELD, Q_FIELD, Verdict.POSSIBLE),
        row(
            "a holder's field and the current object's",
            P_FIELD,
            SITE_A_OF_FIELD,
            Verdict.POSSIBLE),
        row("a holder's field itself and the field", P_FIELD_ITSELF, FIELD, Verdict.POSSIBLE),
        row("a holder's field and an unknown", P_FIELD, RESULT, Verdict.POSSIBLE),
        row("the same unknown words are no allocation", RESULT, RESULT, Verdict.POSSIBLE),
        row("two fields", FIELD, OTHER_FIELD, Verdict.POSSIBLE),
        row("field and parameter", FIELD, P, Verdict.POSSIBLE),
        row("two parameters", P, Q, Verdict.POSSIBLE),
        row("parameter and unknown", P, RESULT, Verdict.POSSIBLE),
        row("unknown without a type argument", UNTYPED, FIELD, Verdict.POSSIBLE),
        row("type variable", OPEN_RESULT, FIELD, Verdict.POSSIBLE),
        row("per-object site and parameter", SITE_A, P, Verdict.POSSIBLE),
        row("site and unknown", SITE_A, RESULT, Verdict.POSSIBLE),
        row("site made in m and a field", IN_M, FIELD, Verdict.POSSIBLE),
        row("site made in m and another method's parameter", IN_M, R, Verdict.POSSIBLE),
        row("site made in m and an unknown", IN_M, RESULT, Verdict.POSSIBLE),
        row("site and symbol", SITE_A, HITS, Verdict.DISTINCT),
        row("two sites", SITE_A, SITE_B, Verdict.DISTINCT),
        row("two symbols", HITS, MISSES, Verdict.DISTINCT),
        row("one holder's two sites", P_FIELD, P_OTHER_SITE, Verdict.DISTINCT),
        row("two holders' different sites", Q_FIELD, P_OTHER_SITE, Verdict.DISTINCT),
        row("a holder's field and a symbol", P_FIELD, HITS, Verdict.DISTINCT),
        row("a holder's field and another type", P_FIELD, IN_M_INTS, Verdict.DISTINCT),
        row("site made in m and m's parameter", IN_M, P, Verdict.DISTINCT),
        row("@Distinct field and another field", DISTINCT_FIELD, FIELD, Verdict.DISTINCT),
        row("@Distinct field and an unknown", DISTINCT_FIELD, RESULT, Verdict.DISTINCT),
        row("@Distinct method result and a parameter", DISTINCT_RESULT, R, Verdict.DISTINCT),
        row("@Distinct method result and an unknown", DISTINCT_RESULT, RESULT, Verdict.DISTINCT),
        row("different type arguments", P, INT_RESULT, Verdict.DISTINCT),
        row("different type arguments, sites", SITE_A, IN_M_INTS, Verdict.DISTINCT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void pair_hasTheVerdictOfItsRow(
      String row, AllocationIdentity inner, AllocationIdentity outer, Verdict expected) {
    assertEquals(expected, Verdict.of(inner, outer, E.types), row);
    assertEquals(expected, Verdict.of(outer, inner, E.types), row + ", the other way round");
  }

  static Stream<Arguments> sets() {
    IdentitySet field = IdentitySet.of(FIELD);
    IdentitySet eitherField = field.union(IdentitySet.of(OTHER_FIELD));
    IdentitySet eitherSite = IdentitySet.of(SITE_A).union(IdentitySet.of(SITE_B));
    return Stream.of(
        row("one stable identity each, equal", field, field, Verdict.DEFINITE),
        row("a conditional with one arm on the entered one", eitherField, field, Verdict.POSSIBLE),
        row("the entered one is a conditional", field, eitherField, Verdict.POSSIBLE),
        row(
            "a conditional of sites vs one of them",
            eitherSite,
            IdentitySet.of(SITE_A),
            Verdict.POSSIBLE),
        row(
            "a conditional of sites vs a symbol",
            eitherSite,
            IdentitySet.of(HITS),
            Verdict.DISTINCT),
        row(
            "an unknown is never definite",
            IdentitySet.of(RESULT),
            IdentitySet.of(RESULT),
            Verdict.POSSIBLE),
        row("nothing entered", field, IdentitySet.empty(), Verdict.DISTINCT),
        row("no handle", IdentitySet.empty(), field, Verdict.DISTINCT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void sets_areDefiniteOnlyWhenEveryMemberIsTheSameAllocation(
      String row, IdentitySet inner, IdentitySet outer, Verdict expected) {
    assertEquals(expected, Verdict.of(inner, outer, E.types), row);
  }

  @Test
  void uncertainEntry_isAtMostPossible() {
    assertEquals(Verdict.POSSIBLE, Verdict.DEFINITE.ifCertain(false));
    assertEquals(Verdict.DEFINITE, Verdict.DEFINITE.ifCertain(true));
    assertEquals(Verdict.DISTINCT, Verdict.DISTINCT.ifCertain(false));
    assertEquals(Verdict.POSSIBLE, Verdict.POSSIBLE.ifCertain(false));
  }

  private static Arguments row(String name, Object inner, Object outer, Verdict expected) {
    return Arguments.of(name, inner, outer, expected);
  }

  private static VariableElement field(String name) {
    for (VariableElement v : ElementFilter.fieldsIn(HANDLES.getEnclosedElements())) {
      if (v.getSimpleName().contentEquals(name)) {
        return v;
      }
    }
    throw new AssertionError("no field " + name);
  }

  private static Variable variable(VariableElement v) {
    return new Variable(v, typeArgument(v), PerCpuApi.isDistinct(v));
  }

  private static TypeMirror typeArgument(VariableElement v) {
    return ((DeclaredType) v.asType()).getTypeArguments().get(0);
  }

  private static List<Tree> sites() {
    List<Tree> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        out.add(node);
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(E.unit("test.Handles"), null);
    return out;
  }
}
