package dev.percpu.internal;

/**
 * How an entry ({@code with}/{@code apply}) unwinds when its closure throws: it finishes the entry
 * and rethrows the closure's exception unchanged. A class of its own for the reason given in {@link
 * ColdRethrow}: while no closure has thrown, it is not loaded, so on JDK 17 the JIT compiles an
 * uncommon trap in place of this path, and an allocation inside a closure (a boxed result, say)
 * does not give the enclosing {@code try (CpuGuard guard = ...)} block a compiled exceptional exit
 * that would keep the guard from being scalar-replaced. Once some closure has thrown, the path is
 * compiled as usual; only the allocation-freedom of such guard blocks on JDK 17 depends on it.
 */
final class ClosureThrew {
  private ClosureThrew() {}

  /**
   * Finishes the entry of {@code allocation} at {@code level} whose closure threw {@code thrown}
   * (see {@link Allocation#exited}), then throws {@code thrown}, with any misuse found added to it
   * as suppressed. Declared to return an exception so that callers can write {@code throw
   * ClosureThrew.unwind(...)}.
   */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException unwind(
      Allocation<?> allocation, PinState state, int cpu, int level, int depth, Throwable thrown)
      throws E {
    allocation.exited(state, cpu, level, depth, thrown);
    // Not through ColdRethrow: loading it here would end its own path's exemption.
    throw (E) thrown;
  }
}
