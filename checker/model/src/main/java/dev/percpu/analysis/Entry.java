package dev.percpu.analysis;

import com.sun.source.tree.LambdaExpressionTree;

/**
 * One entry around the code being scanned: the allocations an entering call entered, how a finding
 * names that call and where it is, and whether the scanned code runs inside it for certain.
 *
 * <pre>{@code
 * Entry outer = new Entry(IdentitySet.of(counts), "`with`", 9, true, lambda);
 * EnteredSet inside = entered.plus(outer);
 * }</pre>
 *
 * @param identities what the entering call entered
 * @param call how a finding names the entering call ({@code `with`}, {@code `bump()`})
 * @param line the entering call's line
 * @param certain false when the code reached from here may or may not run inside the entry, so that
 *     a nesting in it is at most {@link Verdict#POSSIBLE}
 * @param closure the entering call's closure when it is a lambda, for a fix that reuses its value;
 *     or {@code null}
 */
public record Entry(
    IdentitySet identities, String call, int line, boolean certain, LambdaExpressionTree closure) {

  /** The same entry, which the code scanned next may or may not run inside. */
  public Entry uncertain() {
    return certain ? new Entry(identities, call, line, false, closure) : this;
  }
}
