import dev.percpu.PerCpu;
import java.util.Optional;

class OrElseGetPresent {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(
        a -> {
          a[0] += Optional.of(1L).orElseGet(() -> COUNTS.apply(b -> b[0])); // expect: possible
        });
  }
}
