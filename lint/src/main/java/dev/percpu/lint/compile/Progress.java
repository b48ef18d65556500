package dev.percpu.lint.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * "files compiled / total" on stderr while a compilation runs, redrawn in place; silent unless
 * stderr is a terminal, so logs and pipes never see carriage returns.
 */
public final class Progress {
  private final PrintStream err;
  private final boolean enabled;

  private Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Shows progress when the JVM is attached to a terminal. */
  public static Progress forTerminal(PrintStream err) {
    return new Progress(err, isTerminal());
  }

  public static Progress silent() {
    return new Progress(System.err, false);
  }

  /** Registers on {@code task}; {@link Tracker#done()} clears the line afterwards. */
  Tracker track(JavacTask task, String label, int total) {
    Tracker tracker = new Tracker(label, total);
    if (enabled) {
      task.addTaskListener(tracker);
      tracker.draw();
    }
    return tracker;
  }

  /** Counts compilation units whose analysis (attribution, flow, the checkers) has finished. */
  final class Tracker implements TaskListener {
    private final String label;
    private final int total;
    private final Set<Object> analysed = new HashSet<>();

    private Tracker(String label, int total) {
      this.label = label;
      this.total = total;
    }

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANALYZE
          && e.getCompilationUnit() != null
          && analysed.add(e.getCompilationUnit())) {
        draw();
      }
    }

    private void draw() {
      err.print("\rpercpu-lint: " + label + " " + analysed.size() + "/" + total + " files");
      err.flush();
    }

    void done() {
      if (enabled) {
        err.print("\r\033[2K");
        err.flush();
      }
    }
  }

  /**
   * {@code System.console()} alone is not enough: since JDK 22 it returns a console even when
   * stderr is redirected, and {@code Console.isTerminal()} (JDK 22+) tells the two apart.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
