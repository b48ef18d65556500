package dev.percpu;

/**
 * A breach of the per-CPU rules recorded in assertion mode ({@link PerCpuAssertions}), whether or
 * not the code that caused it let the exception escape.
 *
 * @param sequence increasing number of the violation in this JVM; compare with {@link
 *     PerCpuAssertions#checkpoint()}
 * @param kind what was wrong
 * @param thread the name of the thread that did it
 * @param message the full message, as in the exception thrown (if one was thrown)
 */
public record PerCpuViolation(long sequence, Kind kind, String thread, String message) {

  /** The kinds of violation. */
  public enum Kind {
    /** An allocation entered again on a CPU where one of its closures was running. */
    NESTED_ENTRY,
    /**
     * A guard closed twice, on another thread, out of LIFO order, or under a running closure; or a
     * guard pinned inside a closure (or an {@code onEachCpu} action) and left open when it
     * returned.
     */
    GUARD_MISUSE,
    /** A token, or a guard given to a counter, used after the guard closed or on another thread. */
    TOKEN_MISUSE,
    /** {@link CpuGuard#onEachCpu} called on a thread that was already pinned. */
    ON_EACH_CPU_WHILE_PINNED,
    /** A slot taken over from a thread that died while pinned (it never closed its guard). */
    DEAD_OWNER_RECLAIMED,
    /**
     * A pinned thread parked, slept, waited on a monitor, entered a contended monitor or blocked in
     * file or socket I/O (seen through JDK Flight Recorder; see {@link
     * PerCpuAssertions#flushBlockingDetection()}). The message has the blocking call's stack and
     * where the pin began.
     */
    BLOCKED_WHILE_PINNED,
    /**
     * A thread waited for a CPU slot longer than the stall threshold (system property {@code
     * percpu.stallReportMillis}); the message names each slot's owner and what it was doing.
     */
    SLOT_STALL
  }

  @Override
  public String toString() {
    return kind + " on thread \"" + thread + "\": " + message;
  }
}
