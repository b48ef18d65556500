import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import dev.percpu.qual.Enters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The remaining scenarios of the Error Prone suite, in the checker's terms. */
public class MoreScenarios {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> ALIAS = COUNTS.clone();
  static final PerCpu<StringBuilder> TEXT = PerCpu.allocate(StringBuilder::new);
  static final List<Runnable> LATER = new ArrayList<>();
  static final Runnable BUMP = () -> COUNTS.with(a -> a.incrementAndGet());

  private final PerCpu<AtomicLong> own = PerCpu.allocate(AtomicLong::new);
  private final PerCpu<AtomicLong> ownClone;

  MoreScenarios() {
    ownClone = own.clone();
  }

  // ---- rejected, definitely the same allocation

  static void finalFieldInitialisedFromAnotherFieldsClone() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      ALIAS.with(b -> b.incrementAndGet());
    });
  }

  static void recursive() {
    recurse(1);
  }

  @Enters("COUNTS")
  static void recurse(int depth) {
    COUNTS.with(a -> {
      if (depth > 0) {
        // :: error: [nested.entry]
        recurse(depth - 1);
      }
    });
  }

  static void staticMethodReferencePassedToForEach() {
    COUNTS.with(a ->
        // :: error: [nested.entry]
        List.of(1, 2).forEach(MoreScenarios::bumpBy));
  }

  @Enters("COUNTS")
  static void bumpBy(int n) {
    COUNTS.with(a -> a.addAndGet(n));
  }

  static void outerFieldFromAnInnerClass() {
    new MoreScenarios().new Inner().run();
  }

  class Inner {
    @Enters("MoreScenarios.own")
    void run() {
      own.with(a -> {
        // :: error: [nested.entry]
        own.with(b -> b.incrementAndGet());
      });
    }
  }

  static void helperInvokingItsClosureInsideAnEntry() {
    inside(() -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
  }

  private static void inside(Runnable body) {
    COUNTS.with(a -> body.run());
  }

  static void storedClosureRunInside() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      BUMP.run();
    });
  }

  static void nestingInsideAClosureThatRunsLater() {
    LATER.clear();
    LATER.add(() -> COUNTS.with(a -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    }));
    LATER.get(0).run();
  }

  static class Initialised {
    final long seen = COUNTS.apply(AtomicLong::get);

    @Enters("MoreScenarios.COUNTS")
    Initialised() {}
  }

  static void constructorRunsAnInitialiserThatEnters() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      new Initialised();
    });
  }

  static final class Shard<T> {
    private final PerCpu<T> values;

    Shard(PerCpu<T> values) {
      this.values = values;
    }

    @Enters("values")
    void update(Consumer<T> action) {
      values.with(action::accept);
    }
  }

  static void wrapperClassForwardingThroughAMethodReference() {
    Shard<AtomicLong> shard = new Shard<>(COUNTS);
    shard.update(a -> {
      // :: error: [nested.entry]
      shard.update(b -> b.incrementAndGet());
    });
  }

  static void helperChainTwentyCallsDeep() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      chain1();
    });
  }

  private static void chain1() { chain2(); }
  private static void chain2() { chain3(); }
  private static void chain3() { chain4(); }
  private static void chain4() { chain5(); }
  private static void chain5() { chain6(); }
  private static void chain6() { chain7(); }
  private static void chain7() { chain8(); }
  private static void chain8() { chain9(); }
  private static void chain9() { chain10(); }
  private static void chain10() { chain11(); }
  private static void chain11() { chain12(); }
  private static void chain12() { chain13(); }
  private static void chain13() { chain14(); }
  private static void chain14() { chain15(); }
  private static void chain15() { chain16(); }
  private static void chain16() { chain17(); }
  private static void chain17() { chain18(); }
  private static void chain18() { chain19(); }
  private static void chain19() { chain20(); }
  private static void chain20() { COUNTS.with(a -> a.incrementAndGet()); }

  interface Task {
    @Enters("MoreScenarios.COUNTS")
    void go();
  }

  static final class EntersCounts implements Task {
    @Override
    public void go() {
      COUNTS.with(a -> a.incrementAndGet());
    }
  }

  static void overrideReachedByDynamicDispatch() {
    Task t = new EntersCounts();
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      t.go();
    });
  }

  static void closureParameterRunByAnAnonymousConsumer(Runnable body) {
    List.of(1).forEach(new Consumer<Integer>() {
      @Override
      public void accept(Integer i) {
        body.run();
      }
    });
  }

  static void anonymousConsumerRunsTheCallersClosure() {
    COUNTS.with(a -> closureParameterRunByAnAnonymousConsumer(() -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    }));
  }

  // ---- rejected, possibly the same allocation

  static void storedClosuresRunThroughAMethodReference() {
    LATER.clear();
    defer(() -> COUNTS.with(b -> b.incrementAndGet()));
    COUNTS.with(a ->
        // :: error: [possible.nested.entry]
        LATER.forEach(Runnable::run));
  }

  static void storedClosureRunInsideThroughACollection() {
    LATER.clear();
    defer(() -> COUNTS.with(b -> b.incrementAndGet()));
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      LATER.get(0).run();
    });
  }

  static void finalFieldAssignedInTheConstructor() {
    MoreScenarios m = new MoreScenarios();
    m.own.with(a -> {
      // A final field set in the constructor is resolved through that assignment.
      // :: error: [nested.entry]
      m.ownClone.with(b -> b.incrementAndGet());
    });
  }

  static void symbolWithANonConstantName(String name) {
    PerCpu.symbol("hits", AtomicLong.class).with(a -> {
      // :: error: [possible.nested.entry]
      PerCpu.symbol(name, AtomicLong.class).with(b -> b.incrementAndGet());
    });
  }

  static void tokenFromAnUnknownHandle(PerCpu<AtomicLong> p) {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = p.get(g);
      COUNTS.with(a -> {
        // :: error: [possible.nested.entry]
        t.with(b -> b.incrementAndGet());
      });
    }
  }

  static <T> void handleOfATypeVariable(PerCpu<T> any) {
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      any.with(b -> {});
    });
  }

  static void wildcardHandle(PerCpu<?> any) {
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      any.with(b -> {});
    });
  }

  static void arrayElements(PerCpu<AtomicLong>[] all) {
    all[0].with(a -> {
      // :: error: [possible.nested.entry]
      all[1].with(b -> b.incrementAndGet());
    });
  }

  static void localReassignedToAnotherAllocation(PerCpu<AtomicLong> other, boolean flag) {
    PerCpu<AtomicLong> h = COUNTS;
    if (flag) {
      h = other;
    }
    PerCpu<AtomicLong> chosen = h;
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      chosen.with(b -> b.incrementAndGet());
    });
  }

  static Runnable makeBump() {
    return () -> COUNTS.with(b -> b.incrementAndGet());
  }

  static void returnedClosureRunInside() {
    Runnable r = makeBump();
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      r.run();
    });
  }

  static void storedClosuresRunByALambdaParameter() {
    LATER.clear();
    defer(() -> COUNTS.with(b -> b.incrementAndGet()));
    COUNTS.with(a ->
        LATER.forEach(task -> {
          // :: error: [possible.nested.entry]
          task.run();
        }));
  }

  // ---- accepted

  static void freshLocalIsDistinctFromAParameter(PerCpu<AtomicLong> p) {
    PerCpu<AtomicLong> mine = PerCpu.allocate(AtomicLong::new);
    p.with(a -> mine.with(b -> b.addAndGet(a.get())));
  }

  static void tokensOfDifferentTypeArguments() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> counts = COUNTS.get(g);
      PerCpuToken<StringBuilder> text = TEXT.get(g);
      counts.with(a -> text.with(b -> b.append(a.get())));
    }
  }

  static void shadowedNamesFirst() {
    PerCpu<AtomicLong> h = COUNTS;
    h.with(a -> {});
  }

  static void shadowedNamesSecond() {
    PerCpu<StringBuilder> h = TEXT;
    COUNTS.with(a -> h.with(b -> {}));
  }

  static void helperThatStoresItsClosure() {
    COUNTS.with(a -> defer(() -> COUNTS.with(b -> b.incrementAndGet())));
  }

  private static void defer(Runnable r) {
    LATER.add(r);
  }

  static void lambdaInAFieldInitialiserRunAfterwards() {
    COUNTS.with(a -> a.incrementAndGet());
    BUMP.run();
  }
}
