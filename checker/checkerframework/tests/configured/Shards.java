import dev.percpu.PerCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A library that cannot be annotated: -ApercpuApiMethods describes it instead. */
public class Shards {
  static final List<Runnable> QUEUE = new ArrayList<>();

  public static <T> void update(PerCpu<T> handle, Consumer<T> action) {
    handle.with(action::accept);
  }

  public static void later(Runnable task) {
    QUEUE.add(task);
  }
}
