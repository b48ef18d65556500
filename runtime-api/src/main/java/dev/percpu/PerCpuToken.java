package dev.percpu;

import dev.percpu.qual.Entering;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Access to one CPU's value of a per-CPU allocation, bound to the {@link CpuGuard} that pins the
 * thread to that CPU; made by {@link PerCpu#get(CpuGuard)}. A token may be used any number of
 * times, one call after another, while its guard is open and on the pinning thread.
 *
 * <pre>{@code
 * try (CpuGuard guard = CpuGuard.pin()) {
 *   PerCpuToken<Stats> stats = STATS.get(guard);
 *   stats.with(s -> s.requests++);
 *   long bytes = stats.apply(s -> s.bytes);
 * }
 * }</pre>
 *
 * <p>Using a token after its guard was closed, or on another thread, throws {@link
 * IllegalStateException}. Entering through a token obeys the nesting rule of {@link PerCpu}: a
 * nested entry of the same allocation throws {@link PerCpuNestingException}.
 *
 * @param <T> the type of the per-CPU values
 */
public final class PerCpuToken<T> {
  private final PerCpu<T> handle;
  private final CpuGuard guard;

  PerCpuToken(PerCpu<T> handle, CpuGuard guard) {
    this.handle = handle;
    this.guard = guard;
  }

  /**
   * Runs {@code action} with exclusive access to the value of this token's CPU.
   *
   * @param action runs on the value
   * @throws NullPointerException if {@code action} is {@code null}
   * @throws IllegalStateException if the guard is closed or belongs to another thread
   * @throws PerCpuNestingException if a closure for this allocation is already running on this CPU;
   *     {@code action} is not run
   * @throws IllegalStateException if the closure returns leaving open a {@link CpuGuard} it pinned;
   *     the runtime closes such guards (closing one later throws), so the pin is back as it was
   *     before the closure, and records the misuse in assertion mode. If the closure threw, its
   *     exception is thrown instead, with this one suppressed
   */
  @Entering(closure = 0)
  public void with(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    guard.checkUsable("PerCpuToken");
    handle.allocation().accept(guard.state(), guard.cpu(), action, handle.origin());
  }

  /**
   * As {@link #with}, returning what {@code function} returns.
   *
   * @param <R> the type of the result
   * @param function runs on the value
   * @return what {@code function} returned
   * @throws NullPointerException if {@code function} is {@code null}
   * @throws IllegalStateException if the guard is closed or belongs to another thread
   * @throws PerCpuNestingException if a closure for this allocation is already running on this CPU;
   *     {@code function} is not run
   * @throws IllegalStateException if the closure returns leaving open a {@link CpuGuard} it pinned;
   *     the runtime closes such guards (closing one later throws), so the pin is back as it was
   *     before the closure, and records the misuse in assertion mode. If the closure threw, its
   *     exception is thrown instead, with this one suppressed
   */
  @Entering(closure = 0)
  public <R> R apply(Function<? super T, ? extends R> function) {
    Objects.requireNonNull(function, "function");
    guard.checkUsable("PerCpuToken");
    return handle.allocation().apply(guard.state(), guard.cpu(), function, handle.origin());
  }

  /**
   * The CPU whose value this token reaches.
   *
   * @return the guard's CPU
   */
  public int cpu() {
    return guard.cpu();
  }

  @Override
  public String toString() {
    return "PerCpuToken[" + handle.allocation().describe() + ", cpu=" + guard.cpu() + "]";
  }
}
