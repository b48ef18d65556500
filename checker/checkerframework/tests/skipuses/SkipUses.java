import dev.percpu.PerCpu;
import java.util.concurrent.atomic.AtomicLong;

/** With -AskipUses matching the tokens' class, entries through tokens are not checked. */
public class SkipUses {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void throughHandles() {
    COUNTS.with(a -> {
      // :: error: [nested.entry]
      COUNTS.with(b -> b.incrementAndGet());
    });
  }

  static void throughTokens() {
    dev.percpu.CpuGuard.onEachCpu(g -> COUNTS.get(g).with(a -> COUNTS.get(g).with(b -> {})));
  }
}
