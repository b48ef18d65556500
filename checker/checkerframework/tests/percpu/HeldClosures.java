import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A closure stored in the object it made runs where that object's run() or get() runs it. */
public class HeldClosures {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final ThreadLocal<Long> LOCAL =
      ThreadLocal.withInitial(() -> COUNTS.apply(b -> b.get()));

  static void threadRunDirectly_isDefinite() {
    COUNTS.with(
        a ->
            new Thread(
                    () -> {
                      COUNTS.with(b -> b.incrementAndGet());
                    })
                // :: error: [nested.entry]
                .run());
  }

  static void threadHeldInLocalAndRun_isDefinite() {
    Thread worker =
        new Thread(
            () -> {
              COUNTS.with(b -> b.incrementAndGet());
            });
    // :: error: [nested.entry]
    COUNTS.with(a -> worker.run());
  }

  static void threadStarted_isAccepted() {
    Thread worker = new Thread(() -> COUNTS.with(b -> b.incrementAndGet()));
    COUNTS.with(a -> worker.start());
  }

  static void threadLocalGetInsideEntry_isPossible() {
    // reported at the get() that may run the supplier inside the entry
    // :: error: [possible.nested.entry]
    COUNTS.with(a -> a.addAndGet(LOCAL.get()));
  }
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  static void localRunnable_isReportedAtEachCallThatRunsItInsideAnEntry() {
    Runnable bump = () -> COUNTS.with(b -> b.incrementAndGet());
    bump.run();
    // :: error: [nested.entry]
    COUNTS.with(a -> bump.run());
    OTHER.with(a -> bump.run());
    // :: error: [nested.entry]
    COUNTS.with(a -> OTHER.with(o -> bump.run()));
  }

  static void closureRunThroughAnother_isReportedAtTheOutermostCall() {
    Runnable bump = () -> COUNTS.with(b -> b.incrementAndGet());
    Runnable twice =
        () -> {
          bump.run();
          bump.run();
        };
    // :: error: [nested.entry] :: error: [nested.entry]
    COUNTS.with(a -> twice.run());
  }

  static void nestingWhollyInsideTheClosure_isReportedWhereItIsWritten() {
    Runnable nested =
        // :: error: [nested.entry]
        () -> COUNTS.with(a -> COUNTS.with(b -> b.incrementAndGet()));
    OTHER.with(o -> nested.run());
  }

  static void enteringMethodReferenceInALocal_isReportedWhereItRuns() {
    Consumer<Consumer<AtomicLong>> enter = COUNTS::with;
    // :: error: [nested.entry]
    COUNTS.with(a -> enter.accept(b -> b.incrementAndGet()));
  }
  private static Runnable later() {
    return () -> COUNTS.with(b -> b.incrementAndGet());
  }

  private static Runnable laterOn(PerCpu<AtomicLong> h) {
    return () -> h.with(b -> b.incrementAndGet());
  }

  static void returnedClosureRunByTheCaller_runsNow() {
    later().run();
    // :: error: [nested.entry]
    COUNTS.with(a -> later().run());
    OTHER.with(a -> later().run());
    // :: error: [nested.entry]
    OTHER.with(a -> laterOn(OTHER).run());
    COUNTS.with(a -> laterOn(OTHER).run());
  }
}
