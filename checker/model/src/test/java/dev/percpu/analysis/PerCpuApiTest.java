package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PerCpuApiTest {

  private static Elements elements;

  @BeforeAll
  static void compile() {
    elements =
        Elements.compile(
            "test.Api",
            """
            package test;
            import dev.percpu.qual.*;
            import java.util.*;
            import java.util.function.*;
            public class Api {
              @Entering(closure = 1, handle = 0) static void enter(Object handle, Runnable body) {}
              @Entering void receiverEnter(Runnable body) {}
              @PreservesAllocation Api alias() { return this; }
              @PreservesAllocation(from = 0) static Api aliasOf(Api a) { return a; }
              @SymbolLookup(1) static Api lookup(int ignored, String symbol) { return null; }
              @FreshAllocation static Api fresh() { return null; }
              @InvokesClosure({0, 2}) static void invokes(Runnable a, Runnable b, Runnable c) {}
              static void submit(@Deferred Runnable task) {}
              @Enters({"this", "counts", "this.other", "#2", "symbol:requests"}) void effect(Object a, Object b) {}
              @Enters void entersNothing() {}
              void plain(Runnable r) {}
              void configured(Runnable r) {}
              static void listUser(ArrayList<Runnable> list, Runnable r) { list.forEach(Runnable::run); list.add(r); }
              @Distinct Object distinctField;
            }
            """);
  }

  private static final PerCpuApi API = PerCpuApi.annotationsOnly();

  @Test
  void entering_readsClosureAndHandleIndices() {
    assertEquals(new MethodRole.Entering(0, 1), API.roleOf(elements.method("test.Api", "enter")));
    assertEquals(
        new MethodRole.Entering(-1, 0), API.roleOf(elements.method("test.Api", "receiverEnter")));
  }

  @Test
  void aliasAndLookupRoles_areRead() {
    assertEquals(
        new MethodRole.PreservesAllocation(-1), API.roleOf(elements.method("test.Api", "alias")));
    assertEquals(
        new MethodRole.PreservesAllocation(0), API.roleOf(elements.method("test.Api", "aliasOf")));
    assertEquals(new MethodRole.SymbolLookup(1), API.roleOf(elements.method("test.Api", "lookup")));
    assertEquals(
        new MethodRole.FreshAllocation(), API.roleOf(elements.method("test.Api", "fresh")));
  }

  @Test
  void invokesClosure_listsItsParameters() {
    MethodRole role = API.roleOf(elements.method("test.Api", "invokes"));
    assertEquals(new MethodRole.InvokesClosure(new int[] {0, 2}), role);
    assertEquals(
        ClosureUse.INVOKED_NOW,
        API.closureUse(elements.method("test.Api", "invokes"), 2, elements.types));
    assertEquals(
        ClosureUse.UNKNOWN,
        API.closureUse(elements.method("test.Api", "invokes"), 1, elements.types));
  }

  @Test
  void deferredParameter_runsElsewhere() {
    assertEquals(
        ClosureUse.ELSEWHERE,
        API.closureUse(elements.method("test.Api", "submit"), 0, elements.types));
  }

  @Test
  void unannotatedMethod_hasNoRoleAndUnknownClosureUse() {
    assertEquals(MethodRole.NONE, API.roleOf(elements.method("test.Api", "plain")));
    assertEquals(
        ClosureUse.UNKNOWN,
        API.closureUse(elements.method("test.Api", "plain"), 0, elements.types));
    assertTrue(API.declaredEffect(elements.method("test.Api", "plain")).isEmpty());
  }

  @Test
  void configuredSpec_givesRoleToUnannotatedMethod() {
    PerCpuApi api =
        PerCpuApi.create(List.of("test.Api#configured=entering:0", "test.Api#plain=deferred:0"));
    assertEquals(
        new MethodRole.Entering(-1, 0), api.roleOf(elements.method("test.Api", "configured")));
    assertEquals(
        ClosureUse.ELSEWHERE,
        api.closureUse(elements.method("test.Api", "plain"), 0, elements.types));
  }

  @Test
  void declaredEffect_parsesEveryTermForm() {
    assertEquals(
        List.of(
            new EffectTerm.This(),
            new EffectTerm.Field("counts"),
            new EffectTerm.Field("other"),
            new EffectTerm.Parameter(2),
            new EffectTerm.Symbol("requests")),
        API.declaredEffect(elements.method("test.Api", "effect")).orElseThrow());
    assertEquals(
        List.of(), API.declaredEffect(elements.method("test.Api", "entersNothing")).orElseThrow());
  }

  @Test
  void jdkMethods_areKnownThroughSupertypes() {
    // ArrayList overrides forEach; the walk finds Iterable.forEach. add stores the closure.
    var arrayList = elements.type("java.util.ArrayList");
    var forEach =
        javax.lang.model.util.ElementFilter.methodsIn(arrayList.getEnclosedElements()).stream()
            .filter(m -> m.getSimpleName().contentEquals("forEach"))
            .findFirst()
            .orElseThrow();
    var add =
        javax.lang.model.util.ElementFilter.methodsIn(arrayList.getEnclosedElements()).stream()
            .filter(m -> m.getSimpleName().contentEquals("add") && m.getParameters().size() == 1)
            .findFirst()
            .orElseThrow();
    assertEquals(ClosureUse.INVOKED_NOW, API.closureUse(forEach, 0, elements.types));
    assertEquals(ClosureUse.ELSEWHERE, API.closureUse(add, 0, elements.types));
    assertEquals(
        ClosureUse.ELSEWHERE,
        API.closureUse(
            elements.method("java.util.concurrent.Executor", "execute"), 0, elements.types));
    assertEquals(
        ClosureUse.AT_TERMINAL,
        API.closureUse(elements.method("java.util.stream.Stream", "map"), 0, elements.types));
    assertEquals(
        ClosureUse.INVOKED_NOW,
        API.closureUse(elements.method("java.util.stream.Stream", "forEach"), 0, elements.types));
  }

  @Test
  void executorOfUnknownOrigin_mayRunTheTaskNow_butAThreadPoolRunsItElsewhere() {
    ExecutableElement execute = elements.method("java.util.concurrent.Executor", "execute");
    assertEquals(ClosureUse.ELSEWHERE, API.closureUse(execute, 0, elements.types)); // presumed
    ClosureUse unknown = API.closureUse(execute, 0, elements.types, null);
    assertEquals(ClosureUse.HANDED_ON, unknown);
    assertTrue(unknown.mayRunInsideCaller());
    assertFalse(unknown.certainlyInsideCaller());
    assertTrue(unknown.mayRunElsewhere());
    assertEquals(
        ClosureUse.ELSEWHERE,
        API.closureUse(
            execute,
            0,
            elements.types,
            elements.method("java.util.concurrent.Executors", "newSingleThreadExecutor")));
    assertEquals(
        ClosureUse.HANDED_ON,
        API.closureUse(
            execute, 0, elements.types, elements.method("java.util.Objects", "requireNonNull")));
  }

  @Test
  void optionalSupplierForTheEmptyCase_isAtMostPossible() {
    for (String name : List.of("orElseGet", "orElseThrow", "or")) {
      ExecutableElement m =
          ElementFilter.methodsIn(elements.type("java.util.Optional").getEnclosedElements())
              .stream()
              .filter(e -> e.getSimpleName().contentEquals(name) && e.getParameters().size() == 1)
              .findFirst()
              .orElseThrow();
      assertEquals(ClosureUse.UNKNOWN, API.closureUse(m, 0, elements.types), name);
    }
    assertEquals(
        ClosureUse.INVOKED_NOW,
        API.closureUse(elements.method("java.util.Optional", "ifPresent"), 0, elements.types));
  }

  @Test
  void threadRun_runsTheRunnableItWasMadeWith_butStartDoesNot() {
    ExecutableElement ctor =
        ElementFilter.constructorsIn(elements.type("java.lang.Thread").getEnclosedElements())
            .stream()
            .filter(c -> c.getParameters().size() == 1)
            .findFirst()
            .orElseThrow();
    assertEquals(ClosureUse.ELSEWHERE, API.closureUse(ctor, 0, elements.types));
    assertEquals(
        ClosureUse.INVOKED_NOW,
        API.heldClosureUse(ctor, elements.method("java.lang.Thread", "run")));
    assertEquals(
        ClosureUse.ELSEWHERE,
        API.heldClosureUse(ctor, elements.method("java.lang.Thread", "start")));
  }

  @Test
  void threadLocalGet_mayRunTheInitialSupplier() {
    assertEquals(
        ClosureUse.UNKNOWN,
        API.heldClosureUse(
            elements.method("java.lang.ThreadLocal", "withInitial"),
            ElementFilter.methodsIn(elements.type("java.lang.ThreadLocal").getEnclosedElements())
                .stream()
                .filter(m -> m.getSimpleName().contentEquals("get") && m.getParameters().isEmpty())
                .findFirst()
                .orElseThrow()));
  }

  @Test
  void nonAsyncStageCallback_mayRunInsideTheCallerButNotForCertain() {
    // thenAccept runs its callback now only if the stage is already complete: the model cannot
    // know, so both checkers must say at most "possible" about a nesting in it.
    ClosureUse use =
        API.closureUse(
            elements.method("java.util.concurrent.CompletableFuture", "thenAccept"),
            0,
            elements.types);
    assertEquals(ClosureUse.UNKNOWN, use);
    assertTrue(use.mayRunInsideCaller());
    assertFalse(use.certainlyInsideCaller());
  }

  @Test
  void closureReach_isDecidedByTheClosureUse() {
    assertTrue(ClosureUse.INVOKED_NOW.mayRunInsideCaller());
    assertTrue(ClosureUse.INVOKED_NOW.certainlyInsideCaller());
    assertFalse(ClosureUse.ELSEWHERE.mayRunInsideCaller());
    assertFalse(ClosureUse.ELSEWHERE.certainlyInsideCaller());
    assertTrue(ClosureUse.UNKNOWN.mayRunInsideCaller());
    assertFalse(ClosureUse.UNKNOWN.certainlyInsideCaller());
  }

  @Test
  void distinct_isReadFromTheElement() {
    var field =
        javax.lang.model.util.ElementFilter.fieldsIn(
                elements.type("test.Api").getEnclosedElements())
            .get(0);
    assertTrue(PerCpuApi.isDistinct(field));
    assertFalse(PerCpuApi.isDistinct(elements.method("test.Api", "plain")));
  }

  @Test
  void malformedSpec_namesTheEntryAndTheProblem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PerCpuApi.create(List.of("test.Api#x=entering:zero")));
    assertTrue(e.getMessage().contains("test.Api#x=entering:zero"), e.getMessage());
    assertTrue(e.getMessage().contains("'zero' is not a parameter index"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ApiMethodSpec.parse("noHash=fresh"));
    assertTrue(e.getMessage().contains("expected OWNER#METHOD=ROLE"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ApiMethodSpec.parse("a.B#m=teleports"));
    assertTrue(e.getMessage().contains("unknown role 'teleports'"), e.getMessage());
  }

  @Test
  void malformedEffectTerm_namesTheTerm() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EffectTerm.parse("#zero"));
    assertTrue(e.getMessage().contains("'#zero'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EffectTerm.parse("symbol:"));
    assertThrows(IllegalArgumentException.class, () -> EffectTerm.parse("a b"));
    assertThrows(IllegalArgumentException.class, () -> EffectTerm.parse("#0"));
  }
}
