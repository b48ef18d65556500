package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PerCpuTest {

  static final class Counter {
    long value;
  }

  @AfterEach
  void noSlotIsLeftPinned() {
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void allocate_callsTheSupplierOncePerCpu_givingEachCpuItsOwnValue() {
    AtomicInteger calls = new AtomicInteger();
    PerCpu<Counter> counters =
        PerCpu.allocate(
            () -> {
              calls.incrementAndGet();
              return new Counter();
            });
    assertEquals(CpuGuard.possibleCpus(), calls.get());
    Map<Counter, Integer> seen = new IdentityHashMap<>();
    CpuGuard.onEachCpu(guard -> counters.get(guard).with(c -> seen.put(c, guard.cpu())));
    assertEquals(CpuGuard.possibleCpus(), seen.size(), "distinct values per CPU");
  }

  @Test
  void allocatePerCpu_initialisesEachCpuFromItsId() {
    PerCpu<String> names = PerCpu.allocatePerCpu(cpu -> "cpu-" + cpu);
    CpuGuard.onEachCpu(guard -> assertEquals("cpu-" + guard.cpu(), names.get(guard).apply(n -> n)));
  }

  @Test
  void with_updatesThisCpusValue_andTheUpdateIsSeenByTheNextEntryOnThatCpu() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    try (CpuGuard guard = CpuGuard.pin()) {
      counters.with(c -> c.value += 5);
      counters.get(guard).with(c -> c.value += 1);
      assertEquals(6L, (long) counters.apply(c -> c.value));
    }
    long total = 0;
    for (long v : valuesByCpu(counters)) {
      total += v;
    }
    assertEquals(6L, total);
  }

  @Test
  void apply_returnsTheFunctionsResult() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertEquals("x", counters.apply(c -> "x"));
  }

  @Test
  void clone_andSymbol_reachTheSameAllocation_allocateDoesNot() {
    PerCpu<Counter> a = PerCpu.allocate(Counter::new);
    PerCpu<Counter> b = PerCpu.allocate(Counter::new);
    PerCpu<Counter> clone = a.clone();
    assertNotSame(a, clone);
    assertTrue(a.sameAllocation(clone));
    assertTrue(clone.sameAllocation(a));
    assertFalse(a.sameAllocation(b));

    String name = Symbols.fresh("clone");
    PerCpu<Counter> defined = PerCpu.define(name, Counter.class, Counter::new);
    assertTrue(defined.sameAllocation(PerCpu.symbol(name, Counter.class)));
    assertTrue(
        PerCpu.symbol(name, Counter.class).sameAllocation(PerCpu.symbol(name, Counter.class)));
    assertFalse(defined.sameAllocation(a));
  }

  @Test
  void handlesAreEqualExactlyWhenTheyReachTheSameAllocation() {
    PerCpu<Counter> a = PerCpu.allocate(Counter::new);
    PerCpu<Counter> clone = a.clone();
    assertEquals(a, clone);
    assertEquals(a.hashCode(), clone.hashCode());
    assertNotEquals(a, PerCpu.allocate(Counter::new));
    assertNotEquals(a, "a string");
  }

  // ---- The nesting rule: every path throws before the inner closure runs. ----

  private static void assertNestedEntryRejected(
      PerCpu<Counter> outer, Consumer<Runnable> innerEntry) {
    AtomicInteger innerRuns = new AtomicInteger();
    AtomicInteger outerCompleted = new AtomicInteger();
    outer.with(
        value -> {
          value.value = 41;
          PerCpuNestingException e =
              assertThrows(
                  PerCpuNestingException.class,
                  () -> innerEntry.accept(innerRuns::incrementAndGet));
          assertEquals(0, innerRuns.get(), "the inner closure must not run");
          assertEquals(41, value.value, "the outer value is intact");
          value.value++;
          outerCompleted.incrementAndGet();
          assertTrue(e.getMessage().contains("nested entry of per-CPU"), e.getMessage());
        });
    assertEquals(1, outerCompleted.get());
    assertEquals(
        42L, (long) outer.apply(v -> v.value), "the outer closure's update stuck, on the same CPU");
    outer.with(v -> v.value = 0); // and the allocation can be entered again afterwards
  }

  @Test
  void nestedEntry_throughTheSameHandle_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNestedEntryRejected(counters, inner -> counters.with(c -> inner.run()));
  }

  @Test
  void nestedEntry_throughApply_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNestedEntryRejected(
        counters,
        inner ->
            counters.apply(
                c -> {
                  inner.run();
                  return null;
                }));
  }

  @Test
  void nestedEntry_throughAClone_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    PerCpu<Counter> alias = counters.clone();
    assertNestedEntryRejected(counters, inner -> alias.with(c -> inner.run()));
  }

  @Test
  void nestedEntry_throughASymbolLookup_isRejected() {
    String name = Symbols.fresh("nested");
    PerCpu<Counter> defined = PerCpu.define(name, Counter.class, Counter::new);
    assertNestedEntryRejected(
        defined, inner -> PerCpu.symbol(name, Counter.class).with(c -> inner.run()));
  }

  @Test
  void nestedEntry_throughATokenMadeBefore_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<Counter> token = counters.get(guard);
      assertNestedEntryRejected(counters, inner -> token.with(c -> inner.run()));
      token.with(c -> assertEquals(0, c.value)); // the token is still good, one call after another
    }
  }

  @Test
  void nestedEntry_throughANestedPin_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNestedEntryRejected(
        counters,
        inner -> {
          try (CpuGuard nested = CpuGuard.pin()) {
            counters
                .get(nested)
                .apply(
                    c -> {
                      inner.run();
                      return c;
                    });
          }
        });
  }

  private static void helperThatEnters(PerCpu<Counter> counters, Runnable inner) {
    counters.with(c -> inner.run());
  }

  @Test
  void nestedEntry_throughAHelperMethod_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNestedEntryRejected(counters, inner -> helperThatEnters(counters.clone(), inner));
  }

  @Test
  void nestedEntry_throughAMethodReferenceAndAnAnonymousClass_isRejected() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNestedEntryRejected(
        counters,
        inner -> {
          Consumer<Consumer<? super Counter>> enter = counters::with;
          enter.accept(c -> inner.run());
        });
    assertNestedEntryRejected(
        counters,
        inner ->
            counters.with(
                new Consumer<Counter>() {
                  @Override
                  public void accept(Counter c) {
                    inner.run();
                  }
                }));
  }

  @Test
  void nestedEntry_ofADifferentAllocation_isFine() {
    PerCpu<Counter> a = PerCpu.allocate(Counter::new);
    PerCpu<Counter> b = PerCpu.allocate(Counter::new);
    a.with(
        x ->
            b.clone()
                .with(
                    y -> {
                      x.value++;
                      y.value += 2;
                    }));
    try (CpuGuard guard = CpuGuard.pin()) {
      a.get(guard).with(x -> b.get(guard).with(y -> y.value += x.value));
      assertEquals(3L, (long) b.get(guard).apply(y -> y.value));
    }
  }

  @Test
  void theNestingMessage_namesTheAllocationSiteTheCpuAndTheThread() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new); // the allocation site
    int line = new Throwable().getStackTrace()[0].getLineNumber() - 1;
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuNestingException e =
          assertThrows(
              PerCpuNestingException.class,
              () -> counters.with(outer -> counters.clone().with(inner -> {})));
      String message = e.getMessage();
      assertTrue(
          message.contains(
              "per-CPU allocation (allocated at dev.percpu.PerCpuTest."
                  + "theNestingMessage_namesTheAllocationSiteTheCpuAndTheThread(PerCpuTest.java:"
                  + line
                  + ")"),
          message);
      assertTrue(message.contains(" on CPU " + guard.cpu() + " "), message);
      assertTrue(
          message.contains("by thread \"" + Thread.currentThread().getName() + "\""), message);
      assertTrue(message.contains("the inner closure was not run"), message);
    }
  }

  @Test
  void theNestingMessage_namesTheSymbol() {
    String name = Symbols.fresh("message");
    PerCpu<Counter> defined = PerCpu.define(name, Counter.class, Counter::new);
    PerCpuNestingException e =
        assertThrows(
            PerCpuNestingException.class,
            () -> defined.with(outer -> PerCpu.symbol(name, Counter.class).with(inner -> {})));
    assertTrue(
        e.getMessage()
            .contains("per-CPU variable '" + name + "' (defined at dev.percpu.PerCpuTest."),
        e.getMessage());
  }

  @Test
  void aNestingExceptionIsAnIllegalStateException() {
    assertTrue(IllegalStateException.class.isAssignableFrom(PerCpuNestingException.class));
  }

  // ---- Exceptions from closures ----

  @Test
  void aClosuresException_propagatesUnchanged_andLeavesNoSlotEnteredAndNoPin() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    assertSame(
        boom,
        assertThrows(
            IllegalArgumentException.class,
            () ->
                counters.with(
                    c -> {
                      c.value = 7;
                      throw boom;
                    })));
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "the convenience with unpinned");
    Error error = new AssertionError("error");
    assertSame(
        error,
        assertThrows(
            AssertionError.class,
            () ->
                counters.apply(
                    c -> {
                      throw error;
                    })));
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<Counter> token = counters.get(guard);
      assertSame(
          boom,
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  token.with(
                      c -> {
                        throw boom;
                      })));
      assertEquals(1, PerCpuAssertions.pinnedSlots().size(), "the guard's pin is untouched");
      token.with(c -> c.value++); // not left entered
      counters.with(c -> c.value++);
    }
  }

  @Test
  void aNestingExceptionCaughtInsideTheOuterClosure_leavesTheOuterEntryActive() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    counters.with(
        outer -> {
          assertThrows(PerCpuNestingException.class, () -> counters.with(c -> {}));
          // still entered: a second attempt is rejected too
          assertThrows(PerCpuNestingException.class, () -> counters.with(c -> {}));
        });
  }

  // ---- Tokens ----

  @Test
  void aTokenAfterItsGuardClosed_throws() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    CpuGuard guard = CpuGuard.pin();
    PerCpuToken<Counter> token = counters.get(guard);
    guard.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> token.with(c -> c.value++));
    assertTrue(
        e.getMessage()
            .contains("PerCpuToken used after its CpuGuard (CPU " + guard.cpu() + ") was closed"),
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> token.apply(c -> c.value));
    IllegalStateException get =
        assertThrows(IllegalStateException.class, () -> counters.get(guard));
    assertTrue(
        get.getMessage().contains("CpuGuard passed to PerCpu.get used after"), get.getMessage());
  }

  @Test
  void aTokenOfAnInnerGuard_isDeadOnceThatGuardClosesEvenIfTheThreadStaysPinned() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    try (CpuGuard outer = CpuGuard.pin()) {
      PerCpuToken<Counter> inner;
      try (CpuGuard nested = CpuGuard.pin()) {
        inner = counters.get(nested);
      }
      assertThrows(IllegalStateException.class, () -> inner.with(c -> {}));
      counters.get(outer).with(c -> {});
    }
  }

  @Test
  void aTokenOnAnotherThread_throws() throws InterruptedException {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<Counter> token = counters.get(guard);
      List<String> messages = new ArrayList<>();
      Threads.runOnOtherThread(
          () -> {
            messages.add(
                assertThrows(IllegalStateException.class, () -> token.with(c -> {})).getMessage());
            messages.add(
                assertThrows(IllegalStateException.class, () -> counters.get(guard)).getMessage());
          });
      assertTrue(messages.get(0).contains("PerCpuToken used on thread \"other\""), messages.get(0));
      assertTrue(
          messages.get(0).contains("belongs to thread \"" + Thread.currentThread().getName()),
          messages.get(0));
      assertTrue(messages.get(1).contains("used on thread \"other\""), messages.get(1));
      assertEquals(guard.cpu(), token.cpu());
    }
  }

  // ---- Nulls ----

  @Test
  void nullArguments_throwNullPointerExceptionNamingTheParameter() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertNpe("initialValue", () -> PerCpu.allocate(null));
    assertNpe("initialValue", () -> PerCpu.allocatePerCpu(null));
    assertNpe("symbol", () -> PerCpu.define(null, Counter.class, Counter::new));
    assertNpe("type", () -> PerCpu.define(Symbols.fresh("null"), null, Counter::new));
    assertNpe("initialValue", () -> PerCpu.define(Symbols.fresh("null"), Counter.class, null));
    assertNpe("symbol", () -> PerCpu.symbol(null, Counter.class));
    assertNpe("type", () -> PerCpu.symbol("x", null));
    assertNpe("action", () -> counters.with(null));
    assertNpe("function", () -> counters.apply(null));
    assertNpe("guard", () -> counters.get(null));
    assertNpe("other", () -> counters.sameAllocation(null));
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<Counter> token = counters.get(guard);
      assertNpe("action", () -> token.with(null));
      assertNpe("function", () -> token.apply(null));
    }
  }

  private static void assertNpe(String parameter, org.junit.jupiter.api.function.Executable call) {
    assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
  }

  // ---- Symbols ----

  @Test
  void definingASymbolTwice_throwsNamingItAndBothTypes() {
    String name = Symbols.fresh("twice");
    PerCpu.define(name, Counter.class, Counter::new);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> PerCpu.define(name, String.class, () -> ""));
    assertTrue(
        e.getMessage().contains("per-CPU variable '" + name + "' is already defined"),
        e.getMessage());
    assertTrue(e.getMessage().contains(Counter.class.getCanonicalName()), e.getMessage());
    assertTrue(
        e.getMessage().contains("cannot be defined again as java.lang.String"), e.getMessage());
  }

  @Test
  void lookingUpAnUnknownSymbol_throwsNamingIt() {
    String name = Symbols.fresh("unknown");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PerCpu.symbol(name, Counter.class));
    assertTrue(
        e.getMessage().contains("no per-CPU variable '" + name + "' is defined"), e.getMessage());
  }

  @Test
  void lookingUpASymbolWithTheWrongType_throwsNamingItAndBothTypes() {
    String name = Symbols.fresh("typed");
    PerCpu.define(name, Long.class, () -> 0L);
    ClassCastException e =
        assertThrows(ClassCastException.class, () -> PerCpu.symbol(name, String.class));
    assertTrue(
        e.getMessage().contains("per-CPU variable '" + name + "' holds java.lang.Long values"),
        e.getMessage());
    assertTrue(e.getMessage().contains("not java.lang.String"), e.getMessage());
  }

  @Test
  void lookingUpASymbolAsASupertype_orTheBoxOfAPrimitive_works() {
    String name = Symbols.fresh("super");
    PerCpu.define(name, Long.class, () -> 3L);
    assertEquals(3L, PerCpu.symbol(name, Number.class).apply(Number::longValue));
    assertEquals(3L, (long) PerCpu.symbol(name, long.class).apply(v -> v));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void defineWithAnInitialValueOfTheWrongType_throwsNamingTheSymbol() {
    String name = Symbols.fresh("raw");
    java.util.function.Supplier wrong = () -> "not a long";
    ClassCastException e =
        assertThrows(ClassCastException.class, () -> PerCpu.define(name, Long.class, wrong));
    assertTrue(
        e.getMessage().contains("the initial value of per-CPU variable '" + name + "'"),
        e.getMessage());
  }

  @Test
  void anEmptySymbol_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> PerCpu.define("", Long.class, () -> 0L));
  }

  @Test
  void toStrings_nameTheAllocation() {
    PerCpu<Counter> counters = PerCpu.allocate(Counter::new);
    assertTrue(
        counters
            .toString()
            .startsWith("PerCpu[per-CPU allocation (allocated at dev.percpu.PerCpuTest."),
        counters.toString());
    try (CpuGuard guard = CpuGuard.pin()) {
      assertTrue(counters.get(guard).toString().endsWith(", cpu=" + guard.cpu() + "]"));
    }
  }

  static long[] valuesByCpu(PerCpu<Counter> counters) {
    long[] values = new long[CpuGuard.possibleCpus()];
    CpuGuard.onEachCpu(guard -> values[guard.cpu()] = counters.get(guard).apply(c -> c.value));
    return values;
  }

  @Test
  void allocate_aSupplierReturningNull_isRejectedNamingTheSiteAndTheCpu() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> PerCpu.allocate(() -> null));
    assertTrue(
        e.getMessage()
            .startsWith(
                "the initial value for CPU 0 of the per-CPU allocation made at dev.percpu.PerCpuTest."),
        e.getMessage());
  }

  @Test
  void allocatePerCpu_anInitialiserReturningNullForOneCpu_isRejectedNamingThatCpu() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> PerCpu.allocatePerCpu(cpu -> cpu == 2 ? null : new long[1]));
    assertTrue(e.getMessage().startsWith("the initial value for CPU 2 of"), e.getMessage());
  }

  @Test
  void define_aSupplierReturningNull_isRejectedNamingTheSymbol() {
    String name = Symbols.fresh("nullValue");
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> PerCpu.define(name, long[].class, () -> null));
    assertTrue(
        e.getMessage().contains("of per-CPU variable '" + name + "' (defined at"), e.getMessage());
  }

  @Test
  void typeMessages_nameArraysAsSourceCodeDoes() {
    String name = Symbols.fresh("arrayType");
    PerCpu.define(name, long[].class, () -> new long[1]);
    ClassCastException lookup =
        assertThrows(ClassCastException.class, () -> PerCpu.symbol(name, int[].class));
    assertTrue(lookup.getMessage().contains("holds long[] values"), lookup.getMessage());
    assertTrue(lookup.getMessage().endsWith("not int[]"), lookup.getMessage());
    IllegalStateException again =
        assertThrows(
            IllegalStateException.class,
            () -> PerCpu.define(name, int[][].class, () -> new int[1][]));
    assertTrue(again.getMessage().contains("(as long[] at"), again.getMessage());
    assertTrue(again.getMessage().contains("defined again as int[][]:"), again.getMessage());
    assertFalse(lookup.getMessage().contains("[J") || again.getMessage().contains("[J"));
  }
}
