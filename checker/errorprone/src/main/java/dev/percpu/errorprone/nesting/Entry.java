package dev.percpu.errorprone.nesting;

import com.sun.source.tree.LambdaExpressionTree;

/**
 * One entry on the scanner's path: the allocations entered, where, and whether the closure that the
 * scanner is in definitely runs inside it.
 *
 * @param allocations what the entering call entered
 * @param method the entering method's name, for messages ({@code with}, {@code bump()})
 * @param line the entering call's line
 * @param certain false when the closure reached from here may or may not run inside the entry
 * @param closure the entering call's closure when it is a lambda (for the reuse-the-value fix)
 */
record Entry(
    AllocationSet allocations,
    String method,
    int line,
    boolean certain,
    LambdaExpressionTree closure) {

  Entry uncertain() {
    return certain ? new Entry(allocations, method, line, false, closure) : this;
  }
}
