package dev.percpu.checker;

import java.util.Map;
import java.util.Set;

/**
 * The computed effect of a method declared in the compilation unit being checked: the allocations
 * it may enter while it runs, and for each closure parameter it invokes, the allocations entered
 * around that invocation (empty when it invokes the closure outside any entry).
 *
 * <p>Only private methods and methods of anonymous and local classes are called through it; for any
 * other method it is what {@code @Enters}, or the default, is checked against.
 *
 * @param enters what the method may enter
 * @param invokes closure parameter index (0-based) -> allocations entered around its invocation
 */
record ComputedEffect(Set<EffectAtom> enters, Map<Integer, Set<EffectAtom>> invokes) {

  static final ComputedEffect EMPTY = new ComputedEffect(Set.of(), Map.of());

  int size() {
    int n = enters.size();
    for (Set<EffectAtom> s : invokes.values()) {
      n += 1 + s.size();
    }
    return n;
  }

  boolean isEmpty() {
    return enters.isEmpty() && invokes.isEmpty();
  }
}
