import dev.percpu.PerCpu;
import java.util.HashMap;
import java.util.Map;

/** Map.computeIfAbsent runs its mapping function now, on a missing key. */
class ComputeIfAbsent {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Map<String, Long> cache = new HashMap<>();
    COUNTS.with(outer -> cache.computeIfAbsent("k", k -> COUNTS.apply(inner -> inner[0]))); // expect: definite
  }
}
