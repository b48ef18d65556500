import dev.percpu.PerCpu;
import java.util.List;
import java.util.stream.Stream;

/** An intermediate stage kept in a local runs its lambda at the terminal operation here. */
class LazyStreamLocalTerminal {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(a -> {
      Stream<Long> mapped = List.of(1L).stream().map(d -> COUNTS.apply(b -> b[0] += d)); // expect: definite
      a[0] += mapped.reduce(0L, Long::sum);
    });
  }
}
