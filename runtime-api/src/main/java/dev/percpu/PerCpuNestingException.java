package dev.percpu;

/**
 * Thrown when code enters a per-CPU allocation on a CPU where one of that allocation's closures is
 * already running on the same thread: the nesting that {@link PerCpu}'s rule forbids, because the
 * inner closure would receive a second live reference to the value the outer one is updating.
 *
 * <p>It is thrown before the inner closure runs, whatever path the inner entry came by, and it
 * leaves the outer closure's value and pin as they were. The message names the allocation (its
 * symbol, or where it was allocated), the CPU and the thread; in assertion mode ({@link
 * PerCpuAssertions}) it also says where the outer entry began and how the handles involved were
 * obtained.
 *
 * <pre>{@code
 * PerCpu<long[]> hits = PerCpu.allocate(() -> new long[1]);
 * PerCpu<long[]> alias = hits.clone();
 * hits.with(outer -> alias.with(inner -> inner[0]++));   // throws PerCpuNestingException
 * }</pre>
 */
public class PerCpuNestingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was entered twice, where and by whom
   */
  public PerCpuNestingException(String message) {
    super(message);
  }
}
