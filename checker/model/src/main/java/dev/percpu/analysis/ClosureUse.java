package dev.percpu.analysis;

/** What a callee does with a closure (lambda, method reference, anonymous class) passed to it. */
public enum ClosureUse {
  /** Runs it on the calling thread before returning: its entries nest in the caller's. */
  INVOKED_NOW,
  /** Stores it or hands it to another thread: its entries are not nested in the caller's. */
  ELSEWHERE,
  /** Nothing is known: a checker treats it by its own conservative default. */
  UNKNOWN
}
