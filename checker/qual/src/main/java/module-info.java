/**
 * Annotations understood by both percpu checkers (the Error Prone plugin and the Checker Framework
 * checker). They describe what a method does with per-CPU allocations, so that a user's own wrapper
 * API is understood exactly like the runtime's, without a hard-coded list of method names. This
 * module has no dependencies.
 */
module dev.percpu.qual {
  exports dev.percpu.qual;
}
