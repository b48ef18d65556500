import dev.percpu.PerCpu;
import java.util.Map;

/** Map.forEach runs its lambda now. */
class MapForEach {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(outer -> Map.of("a", 1L).forEach((k, v) -> {
      COUNTS.with(inner -> inner[0] += v); // expect: definite
    }));
  }
}
