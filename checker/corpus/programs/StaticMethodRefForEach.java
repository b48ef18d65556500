import dev.percpu.PerCpu;
import java.util.List;

/** A static method reference handed to forEach inside an entry. */
class StaticMethodRefForEach {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    COUNTS.with(a -> List.of(1, 2).forEach(StaticMethodRefForEach::bumpBy)); // expect: definite
  }

  static void bumpBy(int n) {
    COUNTS.with(a -> a[0] += n);
  }
}
