import dev.percpu.PerCpu;
import java.util.List;
import java.util.stream.Stream;

/** A pipeline built inside the entry and returned unconsumed runs its lambda after the entry. */
class LazyStreamReturned {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Stream<Long> later =
        COUNTS.apply(a -> List.of(1L).stream().map(d -> COUNTS.apply(b -> b[0] += d)));
    later.forEach(System.out::println);
  }
}
