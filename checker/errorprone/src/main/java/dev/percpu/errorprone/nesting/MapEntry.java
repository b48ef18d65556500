package dev.percpu.errorprone.nesting;

import com.sun.source.tree.Tree;

/**
 * One entering map call on the scanner's path ({@code computeIfAbsent} and its kin): the map whose
 * function is running, and whether the code scanned next definitely runs inside that function.
 *
 * @param map the receiver map of the entering call
 * @param method how messages name the entering call: {@code `computeIfAbsent`}, or {@code
 *     `computeIfAbsent` in `cached()`} when it is inside a helper the closure is passed to
 * @param line the entering call's line
 * @param certain false when the closure reached from here may or may not run inside the entry
 * @param function the function argument of the entering call when it is in this unit's code being
 *     scanned, else {@code null}: a map made inside it is newer than the map being computed on
 */
record MapEntry(BoundMap map, String method, int line, boolean certain, Tree function) {

  MapEntry uncertain() {
    return certain ? new MapEntry(map, method, line, false, function) : this;
  }
}
