package dev.percpu.checker;

import com.sun.source.tree.Tree;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether a point of the code runs while its enclosing method (or initialiser) runs, and which
 * allocations are entered around it there. It is the checker's counterpart of the entered set
 * the Error Prone checks carry while scanning.
 *
 * @param runs false when the point only runs later or on another thread (a stored closure, a
 *     closure handed to an executor)
 * @param entered the allocations entered around the point, within its enclosing method
 * @param root the enclosing method or class tree whose execution the point is part of
 */
record Reach(boolean runs, Set<Entry> entered, Tree root) {

  static final Reach NOT_RUN = new Reach(false, Set.of(), null);

  Reach plus(Set<Entry> more) {
    if (!runs || more.isEmpty()) {
      return this;
    }
    Set<Entry> all = new LinkedHashSet<>(entered);
    all.addAll(more);
    return new Reach(true, all, root);
  }

  Reach union(Reach other) {
    if (!other.runs) {
      return this;
    }
    if (!runs) {
      return other;
    }
    Set<Entry> all = new LinkedHashSet<>(entered);
    all.addAll(other.entered);
    return new Reach(true, all, root != null ? root : other.root);
  }
}
