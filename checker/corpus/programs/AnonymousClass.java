import dev.percpu.PerCpu;
import java.util.function.Consumer;

/** An anonymous Consumer as the closure. */
class AnonymousClass {
  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);

  void run() {
    counts.with(
        new Consumer<long[]>() {
          @Override
          public void accept(long[] slot) {
            counts.with(again -> again[0]++); // expect: definite
          }
        });
  }

  public static void main(String[] args) {
    new AnonymousClass().run();
  }
}
