package dev.percpu.errorprone.nesting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one method of the compilation unit does to maps while it runs, and which of its closure
 * parameters it runs inside which entering map calls: the map check's counterpart of {@link
 * dev.percpu.analysis.EffectSummary}, instantiated at each call site by {@link MapNestingScanner}.
 * Equality is by the facts, not the words of their paths, so the fixpoint stops when the facts stop
 * growing.
 */
final class MapSummary {

  static final MapSummary EMPTY = new Builder().build();

  /** A closure parameter the method invokes, and the entering map calls it runs inside. */
  record Invocation(boolean certain, List<MapEntry> around) {}

  private final Map<Object, MapUse> uses;
  private final Map<Integer, Invocation> invokes;

  private MapSummary(Map<Object, MapUse> uses, Map<Integer, Invocation> invokes) {
    this.uses = Collections.unmodifiableMap(uses);
    this.invokes = Collections.unmodifiableMap(invokes);
  }

  Iterable<MapUse> uses() {
    return uses.values();
  }

  /** The invocation of closure parameter {@code index}, or {@code null} if it is not invoked. */
  Invocation invocation(int index) {
    return invokes.get(index);
  }

  boolean isEmpty() {
    return uses.isEmpty() && invokes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapSummary s
        && s.uses.keySet().equals(uses.keySet())
        && s.invokes.equals(invokes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uses.keySet(), invokes);
  }

  /** Accumulates one method's facts during one pass. */
  static final class Builder {
    private final Map<Object, MapUse> uses = new LinkedHashMap<>();
    private final Map<Integer, Invocation> invokes = new LinkedHashMap<>();

    void use(MapUse use) {
      if (!use.map().isEmpty()) {
        uses.putIfAbsent(use.key(), use);
      }
    }

    void invoke(int index, boolean certain, List<MapEntry> around) {
      Invocation old = invokes.get(index);
      List<MapEntry> all = new ArrayList<>();
      boolean c = certain;
      if (old != null) {
        all.addAll(old.around());
        c |= old.certain();
      }
      for (MapEntry e : around) {
        if (!all.contains(e)) {
          all.add(e);
        }
      }
      invokes.put(index, new Invocation(c, List.copyOf(all)));
    }

    MapSummary build() {
      return new MapSummary(new LinkedHashMap<>(uses), new LinkedHashMap<>(invokes));
    }
  }
}
