package dev.percpu.errorprone.nesting;

/**
 * Receives the nested entries {@link NestingScanner} finds, in scan order. A point may be reported
 * more than once (possible first, definite later, or on each pass of the fixpoint); the listener
 * decides what a finding is.
 */
@FunctionalInterface
interface NestingListener {
  void nested(NestingEvent event);
}
