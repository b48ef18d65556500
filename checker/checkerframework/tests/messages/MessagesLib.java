import dev.percpu.PerCpu;

/** Compiled as another file: no @Enters, so the default applies to it. */
public class MessagesLib {
  public static void process(PerCpu<?> handle) {
    handle.with(v -> {});
  }
}
