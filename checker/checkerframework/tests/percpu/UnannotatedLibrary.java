import dev.percpu.PerCpu;

/** Stands for a library compiled elsewhere that declares no effects. */
public class UnannotatedLibrary {
  public static void process(PerCpu<?> handle) {
    handle.with(v -> {});
  }

  public static void run(Runnable action) {
    action.run();
  }
}
