import dev.percpu.PerCpu;
import java.util.function.Consumer;

/** A named local class as the closure. */
class LocalClassConsumer {
  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

  public static void main(String[] args) {
    class Again implements Consumer<long[]> {
      @Override
      public void accept(long[] slot) {
        COUNTS.with(b -> b[0]++); // expect: definite
      }
    }
    COUNTS.with(new Again());
  }
}
