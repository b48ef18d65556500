import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;

/** Collection.removeIf runs its predicate now. */
class RemoveIf {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    List<Long> values = new ArrayList<>(List.of(1L, 2L));
    COUNTS.with(a -> values.removeIf(v -> COUNTS.apply(b -> b[0] > v))); // expect: definite
  }
}
