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
 */
record EntrySite(
    AllocationIdentity id, Tree site, String via, String advice, boolean possibleOnly) {

  EntrySite(AllocationIdentity id, Tree site, String via, String advice) {
    this(id, site, via, advice, false);
  }
}
