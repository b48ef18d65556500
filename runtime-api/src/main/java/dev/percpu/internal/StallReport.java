package dev.percpu.internal;

import dev.percpu.PerCpuViolation;
import dev.percpu.PinnedSlot;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stall report, like the kernel's soft-lockup report: a thread that has waited for a CPU slot
 * longer than {@value #PROPERTY} milliseconds (default {@value #DEFAULT_MILLIS}; {@code 0} turns it
 * off) logs once per wait, through {@code System.Logger} at {@code WARNING}, which threads own the
 * slots it can take, where each pin began (known in assertion mode) and what each owner is doing
 * (its stack). In assertion mode the report is also recorded as a {@link
 * PerCpuViolation.Kind#SLOT_STALL} violation.
 *
 * <p>The slot table calls it on the waiting thread while that thread holds no slot (see {@link
 * SlotTable.StallListener}), so the logger may be anything, a handler that pins included.
 */
final class StallReport implements SlotTable.StallListener {
  /** The system property with the threshold, in milliseconds. */
  static final String PROPERTY = "percpu.stallReportMillis";

  static final long DEFAULT_MILLIS = 1000;

  /** Frames of an owner's stack beyond these are elided. */
  private static final int MAX_FRAMES = 32;

  private static final System.Logger LOG = System.getLogger("dev.percpu");

  /** The threshold from {@link #PROPERTY}; a malformed value is the default, never an error. */
  static long thresholdNanos() {
    return thresholdNanos(System.getProperty(PROPERTY));
  }

  /** The threshold that {@code value} of {@link #PROPERTY} means; {@code 0}: no report. */
  static long thresholdNanos(String value) {
    long millis = DEFAULT_MILLIS;
    if (value != null) {
      try {
        millis = Long.parseLong(value.trim());
      } catch (NumberFormatException malformed) {
        millis = DEFAULT_MILLIS;
      }
    }
    return millis <= 0 ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Override
  public void stalled(Thread waiter, int wanted, long waitedNanos, Thread[] owners) {
    String message = message(waiter, wanted, waitedNanos, owners);
    if (AssertionMode.enabled()) {
      AssertionMode.recordObserved(
          PerCpuViolation.Kind.SLOT_STALL, ThreadNames.of(waiter), message);
    }
    LOG.log(Level.WARNING, message);
  }

  static String message(Thread waiter, int wanted, long waitedNanos, Thread[] owners) {
    StringBuilder m =
        new StringBuilder("percpu stall: thread \"")
            .append(ThreadNames.of(waiter))
            .append("\" has waited ")
            .append(TimeUnit.NANOSECONDS.toMillis(waitedNanos))
            .append(" ms for ")
            .append(wanted < 0 ? "a CPU slot" : "CPU " + wanted)
            .append("; its owners:");
    List<PinnedSlot> pinned = AssertionMode.pinnedSlots(owners);
    for (PinnedSlot slot : pinned) {
      if (wanted >= 0 && slot.cpu() != wanted) {
        continue;
      }
      Thread owner = owners[slot.cpu()];
      m.append("\n  CPU ")
          .append(slot.cpu())
          .append(": thread \"")
          .append(slot.thread())
          .append("\" (")
          .append(owner.isAlive() ? owner.getState() : "dead, its slot not yet reclaimed")
          .append("), pinned at ")
          .append(slot.pinnedAt());
      StackTraceElement[] stack = owner.getStackTrace();
      for (int k = 0; k < stack.length && k < MAX_FRAMES; k++) {
        m.append("\n      at ").append(stack[k]);
      }
      if (stack.length > MAX_FRAMES) {
        m.append("\n      ...");
      }
    }
    if (pinned.isEmpty()) {
      m.append("\n  (none now: the slots were freed while this report was made)");
    }
    m.append(
        "\nA pinned thread that blocks keeps its slot; if it waits for work that needs a slot"
            + " itself, the program deadlocks (do the blocking work before or after the pin).");
    return m.toString();
  }
}
