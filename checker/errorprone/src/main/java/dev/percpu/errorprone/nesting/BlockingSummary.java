package dev.percpu.errorprone.nesting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one method of the compilation unit may do, while it runs unpinned, that must not happen
 * while the thread is pinned (block, or call {@code CpuGuard.onEachCpu}), and which of its closure
 * parameters it runs, perhaps under a pin of its own: the blocking check's counterpart of {@link
 * dev.percpu.analysis.EffectSummary}, instantiated at each call by {@link BlockingScanner}. What
 * the method does under a pin of its own is reported in its own body, not here. Equality is by the
 * facts, not the words of their paths, so the fixpoint stops when the facts stop growing.
 */
final class BlockingSummary {

  /** What may block or throw, with the call path inside the method to it (empty: directly). */
  record Hazard(BlockingScanner.Kind kind, String what, String via) {}

  /**
   * A closure parameter the method runs.
   *
   * @param pin the pin the method holds around it, or {@code null} when it runs it unpinned
   */
  record Invocation(String pin) {}

  private final Map<List<Object>, Hazard> hazards;
  private final Map<Integer, Invocation> invokes;

  private BlockingSummary(Map<List<Object>, Hazard> hazards, Map<Integer, Invocation> invokes) {
    this.hazards = Collections.unmodifiableMap(hazards);
    this.invokes = Collections.unmodifiableMap(invokes);
  }

  Iterable<Hazard> hazards() {
    return hazards.values();
  }

  /** The invocation of closure parameter {@code index}, or {@code null} if it is not run. */
  Invocation invocation(int index) {
    return invokes.get(index);
  }

  boolean isEmpty() {
    return hazards.isEmpty() && invokes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockingSummary s
        && s.hazards.keySet().equals(hazards.keySet())
        && s.invokes.equals(invokes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hazards.keySet(), invokes);
  }

  /** Accumulates one method's facts during one pass. */
  static final class Builder {
    private final Map<List<Object>, Hazard> hazards = new LinkedHashMap<>();
    private final Map<Integer, Invocation> invokes = new LinkedHashMap<>();

    /** The first path to each hazard is kept: one example is enough for a message. */
    void hazard(Hazard h) {
      hazards.putIfAbsent(List.of(h.kind(), h.what()), h);
    }

    /** An unpinned invocation wins over a pinned one: then the caller's pin is what matters. */
    void invoke(int index, String pin) {
      Invocation old = invokes.get(index);
      if (old == null || (old.pin() != null && pin == null)) {
        invokes.put(index, new Invocation(pin));
      }
    }

    BlockingSummary build() {
      return new BlockingSummary(new LinkedHashMap<>(hazards), new LinkedHashMap<>(invokes));
    }
  }
}
