import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;
import dev.percpu.qual.Enters;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Nestings of one allocation that the runtime always rejects: every static method is a runnable
 * program that throws PerCpuNestingException.
 */
public class DefiniteNesting {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<StringBuilder> HITS = PerCpu.define("hits", StringBuilder.class, StringBuilder::new);

  static void sameHandle() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    h.with(a -> {
      // :: error: [nested.entry]
      h.with(b -> b.incrementAndGet());
    });
  }

  static void sameHandleApply() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    long v = h.apply(a ->
        // :: error: [nested.entry]
        h.apply(b -> b.get()));
  }

  static void clone_() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    PerCpu<AtomicLong> c = h.clone();
    h.with(a -> {
      // :: error: [nested.entry]
      c.with(b -> b.incrementAndGet());
    });
  }

  static void cloneOfClone() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    PerCpu<AtomicLong> c = h.clone().clone();
    c.with(a -> {
      // :: error: [nested.entry]
      h.clone().with(b -> b.incrementAndGet());
    });
  }

  static void reassignedClone() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    PerCpu<AtomicLong> c;
    c = h.clone();
    PerCpu<AtomicLong> d = c;
    d.with(a -> {
      // Reported as possible only: the flow facts of a local assigned after its declaration do
      // not reach the initialiser of another local read inside the lambda. Still an error.
      // :: error: [possible.nested.entry]
      h.with(b -> b.incrementAndGet());
    });
  }

  static void ternaryOfAliases(boolean flag) {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    PerCpu<AtomicLong> c = h.clone();
    h.with(a -> {
      // :: error: [nested.entry]
      (flag ? h : c).with(b -> b.incrementAndGet());
    });
  }

  static void finalField() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      COUNTS.clone().with(b -> b.incrementAndGet());
    });
  }

  static void symbols() {
    PerCpu<StringBuilder> s = PerCpu.symbol("hits", StringBuilder.class);
    s.with(a -> {
      // :: error: [nested.entry]
      PerCpu.symbol("hits", StringBuilder.class).with(b -> b.append('x'));
    });
  }

  static void definedAndLookedUp() {
    HITS.with(a -> {
      // :: error: [nested.entry]
      PerCpu.symbol("hits", StringBuilder.class).with(b -> b.append('x'));
    });
  }

  static void earlierToken() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = COUNTS.get(g);
      COUNTS.with(a -> {
        // :: error: [nested.entry]
        t.with(b -> b.incrementAndGet());
      });
    }
  }

  static void nestedPin() {
    COUNTS.with(a -> {
      try (CpuGuard g = CpuGuard.pin()) {
        // :: error: [nested.entry]
        COUNTS.get(g).with(b -> b.incrementAndGet());
      }
    });
  }

  static void onEachCpu() {
    CpuGuard.onEachCpu(g -> {
      PerCpuToken<AtomicLong> t = COUNTS.get(g);
      t.with(a -> {
        // :: error: [nested.entry]
        t.with(b -> b.incrementAndGet());
      });
    });
  }

  static void methodReference() {
    // :: error: [nested.entry]
    COUNTS.with(DefiniteNesting::bump);
  }

  @Enters("COUNTS")
  static void bump(AtomicLong ignored) {
    COUNTS.with(b -> b.incrementAndGet());
  }

  static void anonymousClass() {
    COUNTS.with(new Consumer<AtomicLong>() {
      @Override
      public void accept(AtomicLong a) {
        // :: error: [nested.entry]
        COUNTS.with(b -> b.incrementAndGet());
      }
    });
  }

  static void helperSameClass() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      bump(a);
    });
  }

  static void helperChain() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      viaHelper();
    });
  }

  private static void viaHelper() {
    bump(null);
  }

  static void helperAnotherClass() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      Helpers.touchCounts();
    });
  }

  static void helperWithHandleParameter() {
    PerCpu<AtomicLong> h = PerCpu.allocate(AtomicLong::new);
    h.with(a -> {
      // :: error: [nested.entry]
      Helpers.enter(h);
    });
  }

  static void deepNesting() {
    COUNTS.with(a ->
        OTHER.with(b ->
            HITS.with(c -> {
              // :: error: [nested.entry]
              COUNTS.with(d -> d.incrementAndGet());
            })));
  }

  static void loop(List<String> items) {
    COUNTS.with(a -> {
      for (String s : items) {
        // :: error: [nested.entry]
        COUNTS.with(b -> b.addAndGet(s.length()));
      }
    });
  }

  static void branch(boolean flag) {
    COUNTS.with(a -> {
      if (flag) {
        a.incrementAndGet();
      } else {
        // :: error: [nested.entry]
        COUNTS.with(b -> b.incrementAndGet());
      }
    });
  }

  static void tryCatch() {
    COUNTS.with(a -> {
      try {
        a.incrementAndGet();
      } catch (RuntimeException e) {
        // :: error: [nested.entry]
        COUNTS.with(b -> b.incrementAndGet());
      } finally {
        a.decrementAndGet();
      }
    });
  }

  static void closureInLocal() {
    Consumer<AtomicLong> inner = b -> {
      COUNTS.with(c -> c.incrementAndGet());
    };
    // reported where the held closure runs inside the entry, as Error Prone and the runtime do
    // :: error: [nested.entry]
    COUNTS.with(inner);
  }

  static void forEachInside(List<String> items) {
    COUNTS.with(a ->
        items.forEach(s -> {
          // :: error: [nested.entry]
          COUNTS.with(b -> b.incrementAndGet());
        }));
  }

  static void tokenInsideItsOwnEntry() {
    try (CpuGuard g = CpuGuard.pin()) {
      PerCpuToken<AtomicLong> t = COUNTS.get(g);
      t.with(a -> {
        // :: error: [nested.entry]
        COUNTS.with(b -> b.incrementAndGet());
      });
    }
  }

  /** Helpers in another class of the same unit: their declared effects are checked and used. */
  static class Helpers {
    @Enters("DefiniteNesting.COUNTS")
    static void touchCounts() {
      DefiniteNesting.COUNTS.with(b -> b.incrementAndGet());
    }

    static void enter(PerCpu<AtomicLong> handle) {
      handle.with(b -> b.incrementAndGet());
    }
  }
}
