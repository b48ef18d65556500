package dev.percpu.checker;

import com.sun.source.tree.Tree;

/**
 * One allocation a point may enter, or one already entered around it: the identity, the call where
 * the entry happens, and how that call reaches it (empty, or e.g. {@code " via helper()"}).
 *
 * @param id the allocation
 * @param site the entering call, or the call through which it is entered
 * @param via the call path, for messages
 * @param advice what annotation would change the verdict, or empty
 * @param possibleOnly the entry happens only if an untraced closure is the one that enters: the
 *     verdict is at most "possible"
 */
record Entry(AllocationId id, Tree site, String via, String advice, boolean possibleOnly) {

  Entry(AllocationId id, Tree site, String via, String advice) {
    this(id, site, via, advice, false);
  }
}
