import dev.percpu.PerCpu;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Entries whose allocations may be the same: nothing proves them distinct, so the checker
 * rejects them. Each static method is runnable; it throws PerCpuNestingException whenever the
 * two handles do reach one allocation (as in the calls of run()).
 */
public class PossibleAliases {

  static PerCpu<AtomicLong> mutable = PerCpu.allocate(AtomicLong::new);

  static void collectionElements(List<PerCpu<AtomicLong>> all) {
    all.get(0).with(a -> {
      // :: error: [possible.nested.entry]
      all.get(1).with(b -> b.incrementAndGet());
    });
  }

  static void loopVariable(List<PerCpu<AtomicLong>> all, PerCpu<AtomicLong> total) {
    for (PerCpu<AtomicLong> h : all) {
      h.with(a -> {
        // :: error: [possible.nested.entry]
        total.with(b -> b.addAndGet(a.get()));
      });
    }
  }

  static void sameLoopVariable(List<PerCpu<AtomicLong>> all) {
    for (PerCpu<AtomicLong> h : all) {
      h.with(a -> {
        // :: error: [nested.entry]
        h.with(b -> b.incrementAndGet());
      });
    }
  }

  static void mapValues(Map<String, PerCpu<AtomicLong>> byName) {
    byName.get("a").with(a -> {
      // :: error: [possible.nested.entry]
      byName.get("b").with(b -> b.incrementAndGet());
    });
  }

  static void unannotatedParameters(PerCpu<AtomicLong> from, PerCpu<AtomicLong> into) {
    from.with(a -> {
      // :: error: [possible.nested.entry]
      into.with(b -> b.addAndGet(a.get()));
    });
  }

  static void parameterAndField(PerCpu<AtomicLong> p) {
    p.with(a -> {
      // :: error: [possible.nested.entry]
      DefiniteNesting.COUNTS.with(b -> b.incrementAndGet());
    });
  }

  static void nonFinalField() {
    mutable.with(a -> {
      // :: error: [possible.nested.entry]
      mutable.with(b -> b.incrementAndGet());
    });
  }

  static void methodResults(Supplier<PerCpu<AtomicLong>> source) {
    source.get().with(a -> {
      // :: error: [possible.nested.entry]
      source.get().with(b -> b.incrementAndGet());
    });
  }

  static void mergedBranches(boolean flag, PerCpu<AtomicLong> other) {
    PerCpu<AtomicLong> h = flag ? DefiniteNesting.COUNTS : other;
    DefiniteNesting.COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      h.with(b -> b.incrementAndGet());
    });
  }

  static void helperWithUnknownParameter(PerCpu<AtomicLong> p) {
    DefiniteNesting.COUNTS.with(a -> {
      // :: error: [possible.nested.entry]
      DefiniteNesting.Helpers.enter(p);
    });
  }

  static void undeclaredLibraryMethod(PerCpu<AtomicLong> p) {
    p.with(a -> {
      // :: error: [nested.entry]
      UnannotatedLibrary.process(p);
    });
  }

  static void undeclaredLibraryMethodInvokesClosure() {
    UnannotatedLibrary.run(() -> {
      // no entry around here: the closure may run, but nothing is entered yet
      DefiniteNesting.COUNTS.with(b -> b.incrementAndGet());
    });
    DefiniteNesting.COUNTS.with(a -> UnannotatedLibrary.run(() -> {
      // :: error: [nested.entry]
      DefiniteNesting.COUNTS.with(b -> b.incrementAndGet());
    }));
  }

  static void run() {
    collectionElements(List.of(DefiniteNesting.COUNTS, DefiniteNesting.COUNTS));
    // A clone is the same allocation, and unannotatedParameters nests its two parameters.
    // :: error: [nested.entry]
    unannotatedParameters(DefiniteNesting.COUNTS, DefiniteNesting.COUNTS.clone());
  }
}
