import dev.percpu.PerCpu;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A lazy stream stage runs its lambda only where a terminal operation consumes the pipeline. */
public class LazyStreams {

  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);

  static void consumedInsideEntry_isDefinite() {
    COUNTS.with(
        a ->
            List.of(1L).stream()
                // :: error: [nested.entry]
                .map(d -> COUNTS.apply(b -> b.addAndGet(d)))
                .forEach(a::addAndGet));
  }

  static void neverConsumed_isAccepted() {
    COUNTS.with(
        a -> {
          Stream<Long> never = List.of(1L).stream().map(d -> COUNTS.apply(b -> b.addAndGet(d)));
          a.addAndGet(never.isParallel() ? 1 : 0);
        });
  }

  static void returnedUnconsumed_isAccepted() {
    Stream<Long> later =
        COUNTS.apply(a -> List.of(1L).stream().map(d -> COUNTS.apply(b -> b.addAndGet(d))));
    later.forEach(System.out::println);
  }
}
