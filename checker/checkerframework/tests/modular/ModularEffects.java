import dev.percpu.PerCpu;
import dev.percpu.qual.Deferred;
import dev.percpu.qual.Enters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Effects are modular: a non-private method is described by its @Enters or by the default, its
 * body is checked against that description, and an override stays within what it overrides.
 */
public class ModularEffects {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final List<Runnable> QUEUE = new ArrayList<>();

  // A call of a static (or final, or private) method runs this body, so callers in this class
  // follow it, as Error Prone does; callers in other files read the declaration, which strict mode
  // checks (effect.undeclared).
  static void undeclaredHelper() {
    COUNTS.with(a -> a.incrementAndGet());
  }

  static void callerFollowsTheBody() {
    // :: error: [nested.entry]
    COUNTS.with(a -> undeclaredHelper());
  }

  // An override may run instead of this body, so a call reads the declaration.
  // :: error: [effect.beyond.default]
  void overridableHelper() {
    COUNTS.with(a -> a.incrementAndGet());
  }

  void callerReadsTheDefault() {
    // Not reported here: the default says overridableHelper enters nothing; its body is reported.
    COUNTS.with(a -> overridableHelper());
  }

  @Enters("COUNTS")
  static void declaredHelper() {
    COUNTS.with(a -> a.incrementAndGet());
  }

  static void callerReadsTheDeclaration() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      declaredHelper();
    });
  }

  private static void privateHelper() {
    COUNTS.with(a -> a.incrementAndGet());
  }

  static void callerReadsTheComputedEffectOfAPrivateMethod() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      privateHelper();
    });
  }

  static void entersWhatItIsPassed(PerCpu<AtomicLong> h) {
    h.with(a -> a.incrementAndGet()); // within the default: no annotation needed
  }

  static void callerOfAHelperWithinTheDefault() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      entersWhatItIsPassed(COUNTS);
    });
  }

  // :: error: [effect.beyond.default]
  void storesItsClosure(Runnable r) {
    QUEUE.add(r);
  }

  @Enters({})
  static void defersItsClosure(@Deferred Runnable r) {
    QUEUE.add(r);
  }

  void callsTheStoringHelpers() {
    storesItsClosure(() -> COUNTS.with(a -> a.incrementAndGet()));
    defersItsClosure(() -> COUNTS.with(a -> a.incrementAndGet()));
  }

  // A closure that enters nothing cannot nest inside what the wrapper enters around it, so no
  // verdict rests on the wrapper's effect: it is not held to the default.
  void wrapsAnEntry(Consumer<AtomicLong> c) {
    COUNTS.with(c);
  }

  void passesAClosureThatEntersNothing() {
    wrapsAnEntry(a -> a.incrementAndGet());
    storesItsClosureToo(() -> {});
  }

  void storesItsClosureToo(Runnable r) {
    QUEUE.add(r);
  }

  // :: error: [effect.beyond.default]
  void wrapsAnotherEntry(Consumer<AtomicLong> c) {
    COUNTS.with(c);
  }

  void passesAnEnteringClosure() {
    wrapsAnotherEntry(a -> COUNTS.with(b -> b.incrementAndGet()));
  }

  // :: error: [effect.beyond.default]
  void wrapsAThirdEntry(Consumer<AtomicLong> c) {
    COUNTS.with(c);
  }

  void passesAMethodReference() {
    // A method reference's body is not looked into here: its callee is relied upon.
    wrapsAThirdEntry(AtomicLong::incrementAndGet);
  }

  // Followed by callers here, a static wrapper needs no declaration, and the nesting a closure
  // causes inside it is reported at the call.
  static void staticWrapper(Consumer<AtomicLong> c) {
    COUNTS.with(c);
  }

  static void passesToTheStaticWrapper() {
    staticWrapper(a -> a.incrementAndGet());
    // :: error: [nested.entry]
    staticWrapper(a -> COUNTS.with(b -> b.incrementAndGet()));
  }

  public static void main(String[] args) {
    // Never called here, so not checked against the default (strict mode checks visible ones).
    COUNTS.with(a -> a.incrementAndGet());
  }

  interface Step {
    @Enters({})
    void step();

    void other();
  }

  static final class EntersInAStep implements Step {
    @Override
    // :: error: [override.effect]
    public void step() {
      COUNTS.with(a -> a.incrementAndGet());
    }

    @Override
    // :: error: [override.effect]
    public void other() {
      COUNTS.with(a -> a.incrementAndGet());
    }
  }

  static void usesAStep(Step s) {
    s.other();
  }

  abstract static class Base {
    @Enters("ModularEffects.COUNTS")
    abstract void work();
  }

  static final class WithinTheOverridden extends Base {
    @Override
    @Enters("ModularEffects.COUNTS")
    void work() {
      COUNTS.with(a -> a.incrementAndGet());
    }
  }

  static final class NamedTask implements Runnable {
    @Override
    // :: error: [override.effect]
    public void run() {
      COUNTS.with(a -> a.incrementAndGet());
    }
  }

  static void anonymousAndLocalClosures() {
    // An anonymous class implementing a functional interface is a closure, followed where passed.
    QUEUE.add(
        new Runnable() {
          @Override
          public void run() {
            COUNTS.with(a -> a.incrementAndGet());
          }
        });
    class Local implements Consumer<AtomicLong> {
      @Override
      // :: error: [override.effect]
      public void accept(AtomicLong a) {
        COUNTS.with(b -> b.incrementAndGet());
      }
    }
    COUNTS.with(new Local());
  }
}
