import dev.percpu.PerCpu;
import java.util.function.Consumer;

/** A method reference to the entering method itself, run inside the entry. */
class EnteringMethodReference {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    Consumer<Consumer<long[]>> enter = COUNTS::with;
    COUNTS.with(a -> enter.accept(b -> b[0]++)); // expect: definite
  }
}
