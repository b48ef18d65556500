import dev.percpu.PerCpu;
import java.util.List;

/** List.forEach runs its lambda now, inside the entry. */
class LibraryForEach {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void addAll(List<Long> deltas) {
    counts.with(outer -> deltas.forEach(delta -> {
      counts.with(inner -> inner[0] += delta); // expect: definite
    }));
  }

  public static void main(String[] args) {
    new LibraryForEach().addAll(List.of(1L, 2L));
  }
}
