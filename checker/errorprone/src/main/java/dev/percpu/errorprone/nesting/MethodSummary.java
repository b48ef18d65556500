package dev.percpu.errorprone.nesting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one method of the compilation unit may enter while it runs, in its own terms (its
 * parameters, fields, symbols), and which closure parameters it invokes under which entries.
 * Instantiated at each call site by {@link NestingScanner}. Equality ignores the message details,
 * so the fixpoint over the unit's call graph stops as soon as the facts stop growing.
 */
final class MethodSummary {

  static final MethodSummary EMPTY = new Builder().build();

  /**
   * One allocation the method enters.
   *
   * @param path how it is reached from the method, for messages ({@code `inc()` at line 23})
   */
  record Effect(AllocationSet allocations, boolean certain, String path) {}

  /** A closure parameter the method invokes, and what is entered around the invocation. */
  record Invocation(boolean certain, Set<Entry> around) {}

  private final Map<AllocationSet, Effect> enters;
  private final Map<Integer, Invocation> invokes;

  private MethodSummary(Map<AllocationSet, Effect> enters, Map<Integer, Invocation> invokes) {
    this.enters = Collections.unmodifiableMap(enters);
    this.invokes = Collections.unmodifiableMap(invokes);
  }

  Iterable<Effect> enters() {
    return enters.values();
  }

  /** The invocation of closure parameter {@code index}, or {@code null} if it is not invoked. */
  Invocation invocation(int index) {
    return invokes.get(index);
  }

  boolean isEmpty() {
    return enters.isEmpty() && invokes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MethodSummary s)) {
      return false;
    }
    if (!s.enters.keySet().equals(enters.keySet()) || !s.invokes.equals(invokes)) {
      return false;
    }
    for (Map.Entry<AllocationSet, Effect> e : enters.entrySet()) {
      if (e.getValue().certain() != s.enters.get(e.getKey()).certain()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enters.keySet(), invokes);
  }

  /** Accumulates one method's facts during one scan. */
  static final class Builder {
    private final Map<AllocationSet, Effect> enters = new LinkedHashMap<>();
    private final Map<Integer, Invocation> invokes = new LinkedHashMap<>();

    void enter(AllocationSet allocations, boolean certain, String path) {
      if (allocations.isEmpty()) {
        return;
      }
      Effect old = enters.get(allocations);
      if (old == null || (certain && !old.certain())) {
        enters.put(allocations, new Effect(allocations, certain, path));
      }
    }

    void invoke(int index, boolean certain, List<Entry> around) {
      Invocation old = invokes.get(index);
      Set<Entry> all = new LinkedHashSet<>();
      boolean c = certain;
      if (old != null) {
        all.addAll(old.around());
        c |= old.certain();
      }
      all.addAll(around);
      invokes.put(index, new Invocation(c, Collections.unmodifiableSet(all)));
    }

    MethodSummary build() {
      return new MethodSummary(new LinkedHashMap<>(enters), new LinkedHashMap<>(invokes));
    }
  }
}
