import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings silenced on purpose. The soundness statement lists @SuppressWarnings as an
 * assumption, so these programs (which do nest) are kept out of the differential suite.
 */
public class Suppressed {

  static final PerCpu<AtomicLong> MINE = PerCpu.allocate(AtomicLong::new);

  @SuppressWarnings("percpu")
  static void suppressedEverything() {
    MINE.with(m -> MINE.with(x -> x.incrementAndGet()));
  }

  @SuppressWarnings("percpu:nested.entry")
  static void suppressedByKey() {
    MINE.with(m -> MINE.with(x -> x.incrementAndGet()));
  }

  @SuppressWarnings("percpu:possible.nested.entry")
  static void otherKeyDoesNotSuppress() {
    MINE.with(m ->
        // :: error: [nested.entry]
        MINE.with(x -> x.incrementAndGet()));
  }

  /** The Error Prone check's name silences the same finding here. */
  @SuppressWarnings("PerCpuNestedAccess")
  static void errorProneName() {
    MINE.with(m -> MINE.with(x -> x.incrementAndGet()));
  }
}
