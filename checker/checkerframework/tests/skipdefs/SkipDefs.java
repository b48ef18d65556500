import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** With -AskipDefs matching Generated, that class is not checked; the others are. */
public class SkipDefs {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void checked() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
  }

  static class Generated {
    static void notChecked() {
      COUNTS.with(a -> COUNTS.with(b -> b.incrementAndGet()));
    }
  }
}
