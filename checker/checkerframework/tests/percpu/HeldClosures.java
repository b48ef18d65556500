import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** A closure stored in the object it made runs where that object's run() or get() runs it. */
public class HeldClosures {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final ThreadLocal<Long> LOCAL =
      // :: error: [possible.nested.entry]
      ThreadLocal.withInitial(() -> COUNTS.apply(b -> b.get()));

  static void threadRunDirectly_isDefinite() {
    COUNTS.with(
        a ->
            new Thread(
                    () -> {
                      // :: error: [nested.entry]
                      COUNTS.with(b -> b.incrementAndGet());
                    })
                .run());
  }

  static void threadHeldInLocalAndRun_isDefinite() {
    Thread worker =
        new Thread(
            () -> {
              // :: error: [nested.entry]
              COUNTS.with(b -> b.incrementAndGet());
            });
    COUNTS.with(a -> worker.run());
  }

  static void threadStarted_isAccepted() {
    Thread worker = new Thread(() -> COUNTS.with(b -> b.incrementAndGet()));
    COUNTS.with(a -> worker.start());
  }

  static void threadLocalGetInsideEntry_isPossible() {
    COUNTS.with(a -> a.addAndGet(LOCAL.get()));
  }
}
