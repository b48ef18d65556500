package dev.percpu.corpus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a judged program's {@code main} for the runtime oracle, for the corpus and the generator
 * alike: what it threw, or {@code null}. The 10 s deadline is a hang guard that fails one program,
 * not a synchronisation: a program that finishes is judged by what it did, whenever it finishes.
 */
public final class MainRunner {
  private MainRunner() {}

  /** Runs {@code main} on a thread of its own with a deadline, so a hang fails one program only. */
  public static Throwable run(ClassLoader loader, String program) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                Method main =
                    Class.forName(program, true, loader).getMethod("main", String[].class);
                // Corpus and generated classes are package-private.
                main.setAccessible(true);
                main.invoke(null, (Object) new String[0]);
              } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
              } catch (ReflectiveOperationException | LinkageError e) {
                thrown.set(e);
              }
            },
            "main-" + program);
    t.setDaemon(true);
    t.start();
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      return new AssertionError(program + ".main did not finish within 10 s");
    }
    return thrown.get();
  }
}
