package dev.percpu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the runtime logs through {@code System.Logger} (logger {@code dev.percpu}) while it
 * is open, instead of letting it reach the build log, so that a test that provokes a warning on
 * purpose can assert it and a clean build prints none. The JDK's default {@code System.Logger}
 * backend is {@code java.util.logging}, which is what the test JVM uses.
 */
final class CapturedWarnings implements AutoCloseable {
  private final Logger logger = Logger.getLogger("dev.percpu");
  private final boolean usedParentHandlers = logger.getUseParentHandlers();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          messages.add(record.getLevel() + ": " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  CapturedWarnings() {
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  /** What was logged so far, as {@code LEVEL: message}. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
