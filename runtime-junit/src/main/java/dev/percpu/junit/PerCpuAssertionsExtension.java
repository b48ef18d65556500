package dev.percpu.junit;

import dev.percpu.PerCpuAssertions;
import dev.percpu.PerCpuViolation;
import dev.percpu.PinnedSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit 5 extension that runs each test in percpu assertion mode ({@link PerCpuAssertions}) and
 * fails it if, while it ran, any thread broke a per-CPU rule (a nested entry, a misused guard or
 * token, {@code onEachCpu} on a pinned thread, a slot reclaimed from a dead thread, blocking while
 * pinned, a thread stalled waiting for a slot), even if the code under test caught the exception,
 * or if a CPU slot that was free when it began is still pinned when it ends. The failure lists
 * every such violation and slot.
 *
 * <p>Turn it on with {@link EnablePerCpuAssertions}, with {@code @ExtendWith}, or for every test
 * through JUnit's extension auto-detection: this artifact registers it in {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension}, so setting the configuration
 * parameter {@code junit.jupiter.extensions.autodetection.enabled=true} (for example in {@code
 * junit-platform.properties}) applies it everywhere.
 *
 * <pre>{@code
 * @ExtendWith(PerCpuAssertionsExtension.class)
 * class ShardTest { ... }
 * }</pre>
 *
 * <p>Assertion mode and its record are global to the JVM, so tests that run concurrently (JUnit's
 * parallel execution) see each other's violations; run percpu tests in the same thread.
 */
public final class PerCpuAssertionsExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PerCpuAssertionsExtension.class);

  /** What a test started with, to restore and to compare against. */
  private static final class Start {
    final boolean wasEnabled;
    final long checkpoint;
    final Set<String> pinnedAtStart;

    Start(boolean wasEnabled, long checkpoint, Set<String> pinnedAtStart) {
      this.wasEnabled = wasEnabled;
      this.checkpoint = checkpoint;
      this.pinnedAtStart = pinnedAtStart;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(Start.class) != null) {
      return; // registered twice (annotation and auto-detection): one is enough
    }
    boolean wasEnabled = PerCpuAssertions.isEnabled();
    PerCpuAssertions.setEnabled(true); // first: it starts the blocking detection, if it can
    // What blocked before the test began is not the test's.
    PerCpuAssertions.flushBlockingDetection();
    Set<String> pinned =
        PerCpuAssertions.pinnedSlots().stream()
            .map(PerCpuAssertionsExtension::key)
            .collect(Collectors.toSet());
    store.put(Start.class, new Start(wasEnabled, PerCpuAssertions.checkpoint(), pinned));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Start start = context.getStore(NAMESPACE).remove(Start.class, Start.class);
    if (start == null) {
      return;
    }
    // Blocking is reported through JFR, in batches: wait for everything up to now.
    PerCpuAssertions.flushBlockingDetection();
    List<PerCpuViolation> violations = PerCpuAssertions.violationsSince(start.checkpoint);
    List<PinnedSlot> leaked = new ArrayList<>();
    for (PinnedSlot slot : PerCpuAssertions.pinnedSlots()) {
      if (!start.pinnedAtStart.contains(key(slot))) {
        leaked.add(slot);
      }
    }
    PerCpuAssertions.setEnabled(start.wasEnabled);
    if (violations.isEmpty() && leaked.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("percpu assertions failed in ")
            .append(context.getDisplayName())
            .append(':');
    if (!violations.isEmpty()) {
      message.append("\n").append(violations.size()).append(" violation(s), on any thread:");
      for (PerCpuViolation v : violations) {
        message.append("\n  - ").append(v.toString().replace("\n", "\n    "));
      }
    }
    if (!leaked.isEmpty()) {
      message
          .append("\n")
          .append(leaked.size())
          .append(" CPU slot(s) still pinned at the end of the test:");
      for (PinnedSlot slot : leaked) {
        message.append("\n  - ").append(slot);
      }
    }
    throw new AssertionFailedError(message.toString());
  }

  /**
   * A slot counts as the same pin only when the same thread (by id: names collide) still owns the
   * same CPU through the same pin (a pin begun during the test has a new number).
   */
  private static String key(PinnedSlot slot) {
    return slot.cpu() + "/" + slot.threadId() + "/" + slot.pin();
  }
}
