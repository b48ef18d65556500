import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import dev.percpu.qual.Enters;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Less direct routes to a nested entry; each is a runnable program the runtime rejects. */
public class Adversarial {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void closureReturnedByALambda() {
    Supplier<Runnable> make = () -> () -> COUNTS.with(b -> b.incrementAndGet());
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      make.get().run();
    });
  }

  static PerCpu<AtomicLong> counts() {
    return COUNTS;
  }

  static void handleFromAMethod() {
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      counts().with(b -> b.incrementAndGet());
    });
  }

  static void optionalOfTheHandle() {
    COUNTS.with(a ->
        Optional.of(COUNTS).ifPresent(h -> {
          // The type argument carries the identity into the lambda parameter: definite.
          // :: error: [nested.entry]
          h.with(b -> b.incrementAndGet());
        }));
  }

  static <T> void enterAny(PerCpu<T> h) {
    h.with(v -> {});
  }

  static void genericHelper() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      enterAny(COUNTS);
    });
  }

  static void tokenHelper(PerCpuToken<AtomicLong> t) {
    t.with(v -> v.incrementAndGet());
  }

  static void tokenPassedToAHelper() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = COUNTS.get(g);
      COUNTS.with(a -> {
        // :: error: [nested.entry]
        tokenHelper(t);
      });
    }
  }

  static class Base {
    @Enters("Adversarial.COUNTS")
    void work() {
      COUNTS.with(a -> a.incrementAndGet());
    }
  }

  static class Derived extends Base {
    @Override
    @Enters("Adversarial.COUNTS")
    void work() {
      COUNTS.with(a -> {
        // :: error: [nested.entry]
        super.work();
      });
    }
  }

  static void superCall() {
    new Derived().work();
  }

  static void twoLevelsOfHelpers() {
    outerHelper(() -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
  }

  private static void outerHelper(Runnable r) {
    innerHelper(r);
  }

  private static void innerHelper(Runnable r) {
    COUNTS.with(a -> r.run());
  }

  static void arrayOfClosures() {
    Runnable[] tasks = {() -> COUNTS.with(b -> b.incrementAndGet())};
    COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      tasks[0].run();
    });
  }
}
