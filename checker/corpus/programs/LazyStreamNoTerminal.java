import dev.percpu.PerCpu;
import java.util.List;
import java.util.stream.Stream;

/** An intermediate stream operation with no terminal one never runs its lambda. */
class LazyStreamNoTerminal {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(a -> {
      Stream<Long> never = List.of(1L).stream().map(d -> COUNTS.apply(b -> b[0] += d));
      a[0] += never.isParallel() ? 1 : 0;
    });
  }
}
