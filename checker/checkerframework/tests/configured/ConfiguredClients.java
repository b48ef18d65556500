import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

public class ConfiguredClients {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final PerCpu<AtomicLong> OTHER = PerCpu.allocate(AtomicLong::new);

  static void configuredEnteringMethod() {
    Shards.update(COUNTS, a -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
    Shards.update(COUNTS, a -> OTHER.with(b -> b.incrementAndGet()));
  }

  static void configuredDeferredClosure() {
    COUNTS.with(a -> Shards.later(() -> COUNTS.with(b -> b.incrementAndGet())));
  }
}
