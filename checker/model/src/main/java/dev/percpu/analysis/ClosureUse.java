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
  /**
   * A stage of a lazy pipeline ({@code Stream.map}): it runs on the calling thread when a terminal
   * operation consumes the pipeline, which is usually right there in the same expression. Treated
   * as {@link #INVOKED_NOW} unless the caller follows the pipeline ({@link StreamPipeline}) and
   * finds it returned or dropped unconsumed.
   */
  AT_TERMINAL,
  /** Stores it or hands it to another thread: its entries are not nested in the caller's. */
  ELSEWHERE,
  /**
   * Hands it to an object that decides where it runs ({@code Executor.execute}): usually another
   * thread, but an executor may be {@code Runnable::run} and run it now. A nesting in it is at most
   * {@link Verdict#POSSIBLE}; a checker that knows the receiver is a thread pool ({@link
   * PerCpuApi#closureUse(javax.lang.model.element.ExecutableElement, int,
   * javax.lang.model.util.Types, javax.lang.model.element.ExecutableElement)}) may treat it as
   * {@link #ELSEWHERE}.
   */
  HANDED_ON,
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
    return this == INVOKED_NOW || this == AT_TERMINAL;
  }

  /**
   * Whether the closure may run on another thread, or after the caller's closure has returned: what
   * a check of values escaping their closure asks.
   */
  public boolean mayRunElsewhere() {
    return this == ELSEWHERE || this == HANDED_ON;
  }
}
