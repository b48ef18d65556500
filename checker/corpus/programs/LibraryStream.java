import dev.percpu.PerCpu;
import java.util.List;

/** A terminal stream operation runs the mapper now. */
class LibraryStream {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(outer -> {
      long sum = List.of(1L, 2L).stream()
          .mapToLong(d -> COUNTS.apply(inner -> inner[0] += d)) // expect: definite
          .sum();
      outer[0] += sum;
    });
  }
}
