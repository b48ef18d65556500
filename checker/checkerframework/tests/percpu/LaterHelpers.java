import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** Helpers in top-level classes further down the same file: their effects are computed too. */
public class LaterHelpers {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void helperDeclaredFurtherDown() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      Later.bump();
    });
  }

  static void helperEnteringSomethingElse() {
    COUNTS.with(a -> Later.other());
  }

  static void closureStoredByALaterClassAndRunInsideAnEntry() {
    new Holder(() -> COUNTS.with(b -> b.incrementAndGet())).runInside();
  }

  static void helperInvokingTheClosureInsideAnEntry() {
    Later.inside(() -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
  }
}

class Later {
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  static void bump() {
    PerCpu<AtomicLong> h = LaterHelpers.COUNTS;
    int tries = 0;
    tries++;
    h.with(a -> a.addAndGet(1));
  }

  static void other() {
    OTHER.with(a -> a.incrementAndGet());
  }

  static void inside(Runnable body) {
    LaterHelpers.COUNTS.with(a -> body.run());
  }
}

class Holder {
  private final Runnable task;

  Holder(Runnable task) {
    this.task = task;
  }

  void runInside() {
    LaterHelpers.COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      task.run();
    });
  }
}

class EvenLater {
  static void callsBack() {
    Later.OTHER.with(a -> {
      // :: error: [nested.entry]
      Later.other();
    });
  }
}
