import dev.percpu.PerCpu;
import dev.percpu.qual.Deferred;
import dev.percpu.qual.Distinct;
import dev.percpu.qual.Enters;
import dev.percpu.qual.InvokesClosure;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helpers in top-level classes further down the same file: their declared effects are used here,
 * and checked in their own class.
 */
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
  // Distinct: a class earlier in the file sees this field before javac has attributed its
  // initialiser, so it is named by itself rather than by its allocation site.
  static final @Distinct PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  @Enters("LaterHelpers.COUNTS")
  static void bump() {
    PerCpu<AtomicLong> h = LaterHelpers.COUNTS;
    int tries = 0;
    tries++;
    h.with(a -> a.addAndGet(1));
  }

  @Enters("OTHER")
  static void other() {
    OTHER.with(a -> a.incrementAndGet());
  }

  @InvokesClosure(0)
  @Enters("LaterHelpers.COUNTS")
  static void inside(Runnable body) {
    LaterHelpers.COUNTS.with(a -> body.run());
  }
}

class Holder {
  private final Runnable task;

  Holder(@Deferred Runnable task) {
    this.task = task;
  }

  @Enters("LaterHelpers.COUNTS")
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
