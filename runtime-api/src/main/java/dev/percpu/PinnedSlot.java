package dev.percpu;

/**
 * A CPU slot owned by a thread at the moment {@link PerCpuAssertions#pinnedSlots()} looked.
 *
 * @param cpu the slot
 * @param thread the owner's name
 * @param threadId the owner's {@linkplain Thread#getId() id}, unique among the JVM's threads (names
 *     are not: two threads may share one)
 * @param pin the number of the owner's outermost pin among all pins begun in assertion mode, never
 *     reused, so that a later pin by the same thread on the same CPU is told apart; {@code 0} when
 *     the pin began with assertion mode off
 * @param threadAlive {@code false} when the owner died without unpinning (the slot is reclaimed the
 *     next time a thread needs it)
 * @param pinnedAt where the owner's outermost pin began, when assertion mode was on at that time;
 *     otherwise {@code "an unrecorded place (assertion mode was off)"}
 */
public record PinnedSlot(
    int cpu, String thread, long threadId, long pin, boolean threadAlive, String pinnedAt) {
  @Override
  public String toString() {
    return "CPU "
        + cpu
        + " is pinned by thread \""
        + thread
        + "\""
        + (threadAlive ? "" : " (which has died)")
        + ", pinned at "
        + pinnedAt;
  }
}
