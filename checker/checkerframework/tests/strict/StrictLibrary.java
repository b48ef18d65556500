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
  // :: error: [pins.closure.parameter]
  public void forward(Consumer<AtomicLong> action) {
    counts.with(action);
  }

  @Enters({})
  // :: error: [effect.not.declared]
  public void understated() {
    counts.with(c -> c.incrementAndGet());
  }

  @Enters("#1")
  public void enterTheArgument(PerCpu<AtomicLong> other) {
    other.with(c -> c.incrementAndGet());
  }

  private void privateHelper() {
    counts.with(c -> c.incrementAndGet());
  }

  public int pure() {
    return 1;
  }
}
