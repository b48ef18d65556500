package dev.percpu.errorprone.nesting;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.EffectSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The method summaries of one pass of the fixpoint: those finished in this pass, those of the pass
 * before (for recursion), and which bodies are being walked now. A callee is summarised on demand
 * before its caller uses it, so only a recursive call reads the pass before, and only then is
 * another pass needed.
 */
final class SummaryTable {
  private final Map<MethodSymbol, EffectSummary> previous;
  private final Map<MethodSymbol, EffectSummary> finished = new HashMap<>();
  private final Set<MethodSymbol> walking = new HashSet<>();
  private final Map<MethodSymbol, List<ParameterNesting>> parameterNestings = new HashMap<>();
  private boolean usedPrevious;

  SummaryTable(Map<MethodSymbol, EffectSummary> previous) {
    this.previous = previous;
  }

  /** Whether {@code m}'s body still has to be walked in this pass. */
  boolean needsWalk(MethodSymbol m) {
    return !finished.containsKey(m) && !walking.contains(m);
  }

  /** Starts walking {@code m}; false when it is already finished or being walked. */
  boolean startWalk(MethodSymbol m) {
    return !finished.containsKey(m) && walking.add(m);
  }

  void finish(MethodSymbol m, EffectSummary summary) {
    walking.remove(m);
    finished.put(m, summary);
  }

  void abandon(MethodSymbol m) {
    walking.remove(m);
  }

  /**
   * The freshest summary of {@code m}: this pass's when its body was walked, else (recursion) the
   * previous pass's. Null when it has none or an empty one.
   */
  EffectSummary summaryOf(MethodSymbol m) {
    EffectSummary fresh = finished.get(m);
    if (fresh != null) {
      return fresh.isEmpty() ? null : fresh;
    }
    if (walking.contains(m)) {
      usedPrevious = true; // recursion: the method is being walked right now
    }
    return previous.get(m);
  }

  /** Records a nesting between parameters of {@code m} found while walking its body. */
  void recordParameterNesting(MethodSymbol m, ParameterNesting n) {
    parameterNestings.computeIfAbsent(m, k -> new ArrayList<>()).add(n);
  }

  /** The nestings between its parameters that {@code m}'s body showed in this pass. */
  List<ParameterNesting> parameterNestings(MethodSymbol m) {
    return parameterNestings.getOrDefault(m, List.of());
  }

  /** Whether a recursive call used the previous pass's summary, so another pass may be needed. */
  boolean usedPrevious() {
    return usedPrevious;
  }

  /** This pass's non-empty summaries, for the next pass. */
  Map<MethodSymbol, EffectSummary> finished() {
    Map<MethodSymbol, EffectSummary> out = new HashMap<>(finished);
    out.values().removeIf(EffectSummary::isEmpty);
    return out;
  }
}
