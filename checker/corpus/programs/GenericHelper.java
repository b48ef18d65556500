import dev.percpu.PerCpu;
import java.util.function.Consumer;

/** A generic helper entering the handle it is given, called with the entered one. */
class GenericHelper {
  static <T> void touch(PerCpu<T> handle, Consumer<T> action) {
    handle.with(action);
  }

  public static void main(String[] args) {
    PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);
    counts.with(a -> touch(counts, b -> b[0]++)); // expect: definite
  }
}
