import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** A helper that nests two of its own parameters is decided again at each call. */
public class HelperNestings {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  static <T> void nest(PerCpu<T> outer, PerCpu<T> inner) {
    // :: error: [possible.nested.entry]
    outer.with(a -> inner.with(b -> {}));
  }

  static <T> void wrap(PerCpu<T> x, PerCpu<T> y) {
    nest(x, y);
  }

  void overridable(PerCpu<AtomicLong> outer, PerCpu<AtomicLong> inner) {
    // :: error: [possible.nested.entry]
    outer.with(a -> inner.with(b -> b.incrementAndGet()));
  }

  static void sameAllocationOnBothSides_isDefiniteAtTheCall() {
    // :: error: [nested.entry]
    nest(COUNTS, COUNTS);
  }

  static void distinctAllocations_areAccepted() {
    nest(COUNTS, OTHER);
  }

  static void throughAWrapper_isDefiniteAtTheOutermostCall() {
    // :: error: [nested.entry]
    wrap(COUNTS, COUNTS);
  }

  static void insideAnEntryOfTheSameAllocation_isReportedOnce() {
    // :: error: [nested.entry]
    OTHER.with(a -> nest(OTHER, OTHER));
  }

  static void insideAnotherEntry_isDefiniteAtTheCall() {
    // :: error: [nested.entry]
    COUNTS.with(a -> nest(OTHER, OTHER));
  }

  void overridableHelper_isPossibleOnlyInsideIt(HelperNestings other) {
    other.overridable(COUNTS, COUNTS);
  }
}
