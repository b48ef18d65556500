package dev.percpu;

import dev.percpu.internal.AssertionMode;
import dev.percpu.internal.BlockingDetection;
import dev.percpu.internal.Pins;
import java.util.List;

/**
 * Assertion mode: the checks that cost more than the always-on ones, for tests and debugging. Turn
 * it on with the system property {@code -Dpercpu.assertions=true}, with {@link
 * #setEnabled(boolean)}, or for JUnit 5 tests with the {@code percpu-junit} extension.
 *
 * <p>In assertion mode:
 *
 * <ul>
 *   <li><b>provenance</b>: a {@link PerCpuNestingException} also says where the outer entry began,
 *       where the inner one happened, and how each handle involved was obtained (allocated,
 *       defined, cloned or looked up, with source positions);
 *   <li><b>violations are recorded</b>: every nesting, guard or token misuse (including a guard
 *       left open by a {@code with}/{@code apply} closure or an {@code onEachCpu} action), {@code
 *       onEachCpu} on a pinned thread, and every slot reclaimed from a dead thread is kept as a
 *       {@link PerCpuViolation}, even when the code under test catches and swallows the exception;
 *   <li><b>leak detection</b>: {@link #pinnedSlots()} says where each still-open pin began;
 *   <li><b>blocking while pinned</b>: a pinned thread that parks, sleeps, waits on a monitor,
 *       enters a contended monitor or blocks in file or socket I/O is recorded as a {@link
 *       PerCpuViolation.Kind#BLOCKED_WHILE_PINNED} violation, with its stack and where the pin
 *       began. It is seen through JDK Flight Recorder, which starts when the mode is first turned
 *       on, and reported once the blocking call returns: {@link #flushBlockingDetection()} waits
 *       until everything that happened before it is on the record. Turn it off with {@code
 *       -Dpercpu.blockingDetection=false}; where JFR is absent it stays off and says so once in the
 *       log;
 *   <li>a thread that waits for a slot longer than {@code percpu.stallReportMillis} (default one
 *       second; logged in every mode) is also recorded, as {@link PerCpuViolation.Kind#SLOT_STALL}.
 * </ul>
 *
 * <pre>{@code
 * long mark = PerCpuAssertions.checkpoint();
 * PerCpuAssertions.setEnabled(true);
 * runScenario();
 * assertEquals(List.of(), PerCpuAssertions.violationsSince(mark));
 * assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
 * }</pre>
 *
 * <p>When the mode is off these extras cost nothing measurable: the switch is read only when an
 * outermost pin begins, when a handle is made and when an exception is about to be thrown, and
 * compiled code treats it as a constant (switching deoptimises). A pin keeps the mode it began with
 * until it ends. At most the 10,000 newest violations are kept.
 */
public final class PerCpuAssertions {
  private PerCpuAssertions() {}

  /**
   * Whether assertion mode is on.
   *
   * @return {@code true} in assertion mode
   */
  public static boolean isEnabled() {
    return AssertionMode.enabled();
  }

  /**
   * Turns assertion mode on or off for the whole JVM. Pins that are open keep the mode they began
   * with; handles made while the mode was off carry no provenance. Switching is slow (it
   * deoptimises the code that reads the switch): do it per test, not per operation.
   *
   * @param enabled the new mode
   */
  public static void setEnabled(boolean enabled) {
    AssertionMode.setEnabled(enabled);
  }

  /**
   * A mark to pass to {@link #violationsSince(long)}: the sequence number of the newest violation
   * recorded so far.
   *
   * @return the mark
   */
  public static long checkpoint() {
    return AssertionMode.checkpoint();
  }

  /**
   * The violations recorded after {@code checkpoint}, on any thread, oldest first.
   *
   * @param checkpoint a value of {@link #checkpoint()}
   * @return an immutable list
   */
  public static List<PerCpuViolation> violationsSince(long checkpoint) {
    return AssertionMode.violationsSince(checkpoint);
  }

  /**
   * Every violation still on the record, oldest first.
   *
   * @return an immutable list
   */
  public static List<PerCpuViolation> violations() {
    return AssertionMode.violationsSince(Long.MIN_VALUE);
  }

  /** Empties the record of violations. */
  public static void clearViolations() {
    AssertionMode.clear();
  }

  /**
   * Waits until every blocking while pinned that ended before this call is on the record, and says
   * whether blocking detection runs. Blocking is seen through JDK Flight Recorder's event stream,
   * which delivers events in batches; this call ends the current batch and waits for the stream to
   * reach a marker committed just before, typically for milliseconds (and returns at once when no
   * assertion-mode pin was open or began since the last call). The JUnit extension calls it before
   * and after each test.
   *
   * <pre>{@code
   * runScenario();
   * if (PerCpuAssertions.flushBlockingDetection()) {
   *   assertEquals(List.of(), PerCpuAssertions.violationsSince(mark));
   * }
   * }</pre>
   *
   * @return {@code false} when detection does not run: assertion mode was never turned on, {@code
   *     -Dpercpu.blockingDetection=false}, JFR is absent or failed (said once in the log), or this
   *     thread was interrupted while waiting (the interrupt stays set)
   */
  public static boolean flushBlockingDetection() {
    return BlockingDetection.sync();
  }

  /**
   * The CPU slots owned right now, by any thread, including threads that died pinned (their slots
   * are reclaimed only when needed). Works in either mode; where a pin began is known only for pins
   * that began in assertion mode.
   *
   * @return an immutable list, by CPU
   */
  public static List<PinnedSlot> pinnedSlots() {
    return AssertionMode.pinnedSlots(Pins.owners());
  }
}
