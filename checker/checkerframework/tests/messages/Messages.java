import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

public class Messages {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void definite() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      COUNTS.clone().with(b -> {});
    });
  }

  static void possible(PerCpu<AtomicLong> from, PerCpu<AtomicLong> into) {
    from.with(a -> {
      // :: error: [possible.nested.entry]
      into.with(b -> {});
    });
  }

  static void byDefault() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      MessagesLib.process(COUNTS);
    });
  }
}
