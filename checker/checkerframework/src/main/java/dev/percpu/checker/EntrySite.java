package dev.percpu.checker;

import com.sun.source.tree.Tree;
import dev.percpu.analysis.AllocationIdentity;

/**
 * One allocation a point may enter, or one already entered around it: the identity, the call where
 * the entry happens, and how that call reaches it (empty, or a path of the model's {@code
 * FindingText}, e.g. {@code "`helper()`"}). It is one member of this checker's entered set, a
 * {@link Reach}; the model's {@code Entry} is the Error Prone scanner's.
 *
 * @param id the allocation
 * @param site the entering call, or the call through which it is entered
 * @param via the call path, for messages, or empty
 * @param advice the sentence that says what annotation would change the verdict, or empty
 * @param possibleOnly the entry happens only if an untraced closure is the one that enters: the
 *     verdict is at most "possible"
 * @param runAt for an entry around a held closure, the call that runs the closure inside it, where
 *     a nesting against this entry is reported; {@code null} when the point is inside the entry
 *     where it is written
 */
record EntrySite(
    AllocationIdentity id,
    Tree site,
    String via,
    String advice,
    boolean possibleOnly,
    RunSite runAt) {

  /**
   * Where a closure held in a variable or an object is run inside an entry: the call that makes its
   * entries nested, as the model (and the runtime's stack) names it.
   *
   * @param at the call ({@code bump.run()}, {@code worker.run()}, {@code LOCAL.get()}) or the
   *     variable passed on
   * @param via how the closure is reached from there, for messages ({@code the closure `bump` (line
   *     8)})
   */
  record RunSite(Tree at, String via) {}

  EntrySite(AllocationIdentity id, Tree site, String via, String advice, boolean possibleOnly) {
    this(id, site, via, advice, possibleOnly, null);
  }

  EntrySite(AllocationIdentity id, Tree site, String via, String advice) {
    this(id, site, via, advice, false, null);
  }

  /** This entry, possible only. */
  EntrySite uncertain() {
    return possibleOnly ? this : new EntrySite(id, site, via, advice, true, runAt);
  }

  /**
   * This entry with a nesting against it reported at {@code r}, unless an outer call already is.
   */
  EntrySite runAt(RunSite r) {
    return runAt != null ? this : new EntrySite(id, site, via, advice, possibleOnly, r);
  }
}
