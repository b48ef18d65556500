package dev.percpu.errorprone.nesting;

import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.MapKind;

/**
 * What a map receiver expression reaches: the map objects, in the model's identity values, and the
 * rule they follow, from the most specific type known for them.
 *
 * @param maps the map objects the expression may reach
 * @param kind their kind: from the {@code new} expression that made them when it is known
 */
record BoundMap(IdentitySet maps, MapKind kind) {

  static final BoundMap NONE = new BoundMap(IdentitySet.empty(), MapKind.UNKNOWN);

  boolean isEmpty() {
    return maps.isEmpty();
  }

  /** Both sets of maps; the more specific of the two kinds. */
  BoundMap union(BoundMap other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    MapKind k = kind == other.kind ? kind : MapKind.UNKNOWN;
    return new BoundMap(maps.union(other.maps), k);
  }
}
