import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;

/** A closure stored inside an entry and run after it ended is not nested. */
class CleanStoredClosure {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);
  static final List<Runnable> LATER = new ArrayList<>();

  public static void main(String[] args) {
    COUNTS.with(a -> LATER.add(() -> COUNTS.with(b -> b[0]++)));
    LATER.forEach(Runnable::run);
  }
}
