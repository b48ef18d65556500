package dev.percpu.analysis;

/**
 * What a callee does with a closure (lambda, method reference, anonymous class) passed to it, and
 * so where the closure's body runs relative to the caller's entries. Both checkers ask {@link
 * #mayRunInsideCaller} and {@link #certainlyInsideCaller} rather than deciding on their own what an
 * unlisted method does, so that they cannot disagree about it.
 *
 * <pre>{@code
 * ClosureUse use = api.closureUse(callee, i, types);
 * if (!use.mayRunInsideCaller()) { ... its body is a root of its own, outside every entry }
 * else if (use.certainlyInsideCaller()) { ... a nesting in it can be definite }
 * else { ... the caller's entries enclose it at most possibly }
 * }</pre>
 */
public enum ClosureUse {
  /** Runs it on the calling thread before returning: its entries nest in the caller's. */
  INVOKED_NOW,
  /** Stores it or hands it to another thread: its entries are not nested in the caller's. */
  ELSEWHERE,
  /**
   * Nothing is known: the callee may run it now or keep it for later (a non-async {@code
   * CompletionStage} callback runs now only if the stage is already complete). A nesting in it is
   * at most {@link Verdict#POSSIBLE}.
   */
  UNKNOWN;

  /** Whether the closure's body may run inside the entries around the call: all but ELSEWHERE. */
  public boolean mayRunInsideCaller() {
    return this != ELSEWHERE;
  }

  /**
   * Whether the closure's body runs inside the entries around the call for certain, so that a
   * nesting found in it can be {@link Verdict#DEFINITE}.
   */
  public boolean certainlyInsideCaller() {
    return this == INVOKED_NOW;
  }
}
