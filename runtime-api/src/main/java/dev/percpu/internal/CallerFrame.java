package dev.percpu.internal;

import java.lang.StackWalker.StackFrame;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's source position, as {@code pkg.Class.method(File.java:42)}: the first frame outside
 * the runtime. Walking the stack costs microseconds, so it is done only where that is negligible
 * (allocating, defining) or where the user asked for it (assertion mode).
 */
public final class CallerFrame {
  private static final StackWalker WALKER = StackWalker.getInstance();

  /** Runtime classes whose frames are skipped (nested and lambda classes included). */
  private static final Set<String> RUNTIME_CLASSES =
      Set.of(
          "dev.percpu.CpuGuard",
          "dev.percpu.PerCpu",
          "dev.percpu.PerCpuToken",
          "dev.percpu.PerCpuCounter",
          "dev.percpu.PerCpuAssertions");

  private CallerFrame() {}

  /** The first frame outside the runtime, or {@code "an unknown place"}. */
  public static String capture() {
    Optional<String> site =
        WALKER.walk(
            frames -> frames.filter(f -> !isRuntime(f)).findFirst().map(CallerFrame::format));
    return site.orElse("an unknown place");
  }

  private static boolean isRuntime(StackFrame frame) {
    String name = frame.getClassName();
    if (name.startsWith("dev.percpu.internal.")) {
      return true;
    }
    int dollar = name.indexOf('$');
    return RUNTIME_CLASSES.contains(dollar < 0 ? name : name.substring(0, dollar));
  }

  private static String format(StackFrame frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }
}
