import dev.percpu.PerCpu;
import dev.percpu.qual.Allocation;
import dev.percpu.qual.Enters;
import java.util.concurrent.atomic.AtomicLong;

/** Allocation qualifiers written by hand: they are checked like any type, and trusted by callers. */
public class Qualifiers {

  static @Allocation("symbol:hits") PerCpu<AtomicLong> hits() {
    return PerCpu.symbol("hits", AtomicLong.class);
  }

  static @Allocation("symbol:hits") PerCpu<AtomicLong> mislabelled() {
    // :: error: [return]
    return PerCpu.symbol("misses", AtomicLong.class);
  }

  static void callerTrustsTheReturnType() {
    hits().with(a -> {
      // :: error: [nested.entry]
      PerCpu.symbol("hits", AtomicLong.class).with(b -> b.incrementAndGet());
    });
  }

  static void differentSymbolsThroughTheReturnType() {
    hits().with(a -> PerCpu.symbol("misses", AtomicLong.class).with(b -> b.incrementAndGet()));
  }

  @Enters({"symbol:hits", "symbol:misses"})
  static void takesHits(@Allocation("symbol:hits") PerCpu<AtomicLong> h) {
    h.with(a -> PerCpu.symbol("misses", AtomicLong.class).with(b -> b.incrementAndGet()));
  }

  static void passesTheWrongHandle() {
    // :: error: [argument]
    takesHits(PerCpu.symbol("misses", AtomicLong.class));
    takesHits(PerCpu.symbol("hits", AtomicLong.class));
  }
}
