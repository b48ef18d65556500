import dev.percpu.PerCpu;
import dev.percpu.qual.Enters;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** @Enters terms bound by the model's EffectTermBinder, and closures of unlisted JDK methods. */
class BoundEffects {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static class Holder {
    static final PerCpu<AtomicLong> HITS = PerCpu.allocate(AtomicLong::new);

    static class User {
      // "Holder" is an enclosing class's simple name, not a qualified name javac could look up.
      @Enters("Holder.HITS")
      static void hit() {
        HITS.with(c -> c.incrementAndGet());
      }
    }
  }

  static void fieldQualifiedByAnEnclosingClassesSimpleName() {
    Holder.HITS.with(a -> {
      // :: error: [nested.entry]
      Holder.User.hit();
    });
  }

  static class Base {
    final PerCpu<AtomicLong> inherited = PerCpu.allocate(AtomicLong::new);
  }

  static final class Sub extends Base {
    @Enters("inherited")
    void touch() {
      inherited.with(c -> c.incrementAndGet());
    }

    void twice() {
      inherited.with(a -> {
        // :: error: [nested.entry]
        touch();
      });
    }
  }

  static void stageCallbackMayRunLater(CompletableFuture<Long> stage) {
    COUNTS.with(a -> stage.thenAccept(d -> {
      // :: error: [possible.nested.entry]
      COUNTS.with(b -> b.addAndGet(d));
    }));
  }

  static void asyncStageCallbackRunsElsewhere(CompletableFuture<Long> stage) {
    COUNTS.with(a -> stage.thenAcceptAsync(d -> COUNTS.with(b -> b.addAndGet(d))));
  }
}
