package dev.percpu.internal;

/**
 * Rethrows an exception from a failure path that HotSpot's C2 compiler must leave out of the
 * compiled hot path it belongs to. It is a class of its own, and only failure paths refer to it, so
 * that it stays unloaded while nothing has failed.
 *
 * <p>Why: before JDK 22, C2 compiles every exception handler, taken or not. The token that {@code
 * PerCpu.get} allocates inside a caller's {@code try (CpuGuard guard = CpuGuard.pin())} block can
 * fail (an {@code OutOfMemoryError}), and a compiled rethrow would lead from there to the block's
 * exceptional exit, which calls {@code guard.close()}. At that never-executed call site C2 does not
 * inline {@code close()} (its compiled code is "medium" sized), so the guard is an argument of a
 * real call there and escape analysis keeps it: one allocation per pin. A call into a class that is
 * not loaded cannot be compiled, however: C2 puts an uncommon trap in its place (deoptimise and
 * continue in the interpreter, which loads the class and makes the call). Through this class the
 * failure path is such a trap, the guard reaches no call on any compiled path, and both the guard
 * and the token are scalar-replaced. Behaviour is unchanged: the exception leaves exactly as it
 * came. JDK 22 and later prune exception handlers that never ran and need none of this.
 *
 * <p>Loading this class in any other way (referring to it outside a failure path) would silently
 * bring the allocation back; {@code HotPathAllocationTest} measures it.
 */
public final class ColdRethrow {
  private ColdRethrow() {}

  /**
   * Throws {@code t} unchanged; declared to return an exception so that a caller can write {@code
   * throw ColdRethrow.rethrow(t)} and the compiler sees the path end.
   */
  @SuppressWarnings("unchecked")
  public static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
    throw (E) t;
  }
}
