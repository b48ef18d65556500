import dev.percpu.PerCpu;
import dev.percpu.qual.Enters;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

public class StrictLibrary {
  private final PerCpu<AtomicLong> counts = PerCpu.allocate(AtomicLong::new);

  // :: error: [effect.undeclared]
  public void increment() {
    counts.with(c -> c.incrementAndGet());
  }

  @Enters("counts")
  public void incrementDeclared() {
    counts.with(c -> c.incrementAndGet());
  }

  // :: error: [effect.undeclared]
  public void forward(Consumer<AtomicLong> action) {
    counts.with(action);
  }

  private void privateHelper() {
    counts.with(c -> c.incrementAndGet());
  }

  public int pure() {
    return 1;
  }
}
