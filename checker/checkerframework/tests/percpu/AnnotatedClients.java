import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** Clients of AnnotatedLibrary: verdicts follow its declared effects and roles. */
public class AnnotatedClients {

  static final PerCpu<AtomicLong> MINE = PerCpu.allocate(AtomicLong::new);

  static void declaredEffectOnAField() {
    AnnotatedLibrary.REQUESTS.with(r -> {
      // :: error: [nested.entry]
      AnnotatedLibrary.record();
    });
  }

  static void declaredEffectDoesNotTouchMine() {
    MINE.with(m -> AnnotatedLibrary.record());
  }

  static void declaredEffectOnAParameter() {
    MINE.with(m -> {
      // :: error: [nested.entry]
      AnnotatedLibrary.bump(MINE);
    });
  }

  static void declaredEmptyEffect() {
    MINE.with(m -> AnnotatedLibrary.describe(MINE));
  }

  static void usersEnteringMethod() {
    AnnotatedLibrary.update(MINE, m -> {
      // :: error: [nested.entry]
      MINE.with(x -> x.incrementAndGet());
    });
    AnnotatedLibrary.update(MINE, m -> AnnotatedLibrary.REQUESTS.with(x -> x.incrementAndGet()));
  }

  static void polymorphicAlias() {
    PerCpu<AtomicLong> alias = AnnotatedLibrary.same(MINE);
    MINE.with(m -> {
      // :: error: [nested.entry]
      alias.with(x -> x.incrementAndGet());
    });
  }

  static void invokedClosure() {
    MINE.with(m -> AnnotatedLibrary.retrying(() -> {
      // :: error: [nested.entry]
      MINE.with(x -> x.incrementAndGet());
    }));
  }

  static void deferredClosure() {
    MINE.with(m -> AnnotatedLibrary.later(() -> MINE.with(x -> x.incrementAndGet())));
  }

  static void distinctResults(PerCpu<AtomicLong> p) {
    PerCpu<AtomicLong> s = AnnotatedLibrary.scratch();
    p.with(a -> s.with(b -> b.incrementAndGet()));
  }

  static void brokenEffect() {
    MINE.with(m -> {
      // :: error: [enters.invalid]
      AnnotatedLibrary.broken();
    });
  }
}
