import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;

/** Each iteration's allocate is a new allocation: two iterations' values are distinct. */
class CleanLoopAllocations {
  public static void main(String[] args) {
    List<PerCpu<long[]>> made = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      made.add(PerCpu.allocate(() -> new long[1]));
    }
    PerCpu<long[]> first = made.get(0);
    PerCpu<long[]> second = made.get(1);
    first.with(a -> second.with(b -> b[0] += a[0])); // expect: possible
  }
}
