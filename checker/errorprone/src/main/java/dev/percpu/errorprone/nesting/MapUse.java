package dev.percpu.errorprone.nesting;

import dev.percpu.analysis.MapOperation;
import java.util.List;

/**
 * One operation a method of the unit performs on a map while it runs (directly, in a closure it
 * runs now, or through a callee), in the method's own terms: its parameters, fields, fresh maps.
 *
 * @param map the receiver map
 * @param call the map method called, with what it does to the map
 * @param certain false when it happens only on some paths the analysis cannot tell apart (a closure
 *     handed to a method whose use of it is unknown)
 * @param path how it is reached from the method, for messages ({@code `put` at line 23})
 */
record MapUse(BoundMap map, MapOperation.Call call, boolean certain, String path) {

  /** What makes two uses the same fact for the fixpoint: not the words of the path. */
  Object key() {
    return List.of(map.maps(), map.kind(), call.operation(), call.name(), certain);
  }
}
