import dev.percpu.PerCpu;
import java.util.Iterator;
import java.util.List;

/** Iterator.forEachRemaining runs its lambda now. */
class ForEachRemaining {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Iterator<Long> it = List.of(1L, 2L).iterator();
    COUNTS.with(a -> it.forEachRemaining(v -> {
      COUNTS.with(b -> b[0] += v); // expect: definite
    }));
  }
}
