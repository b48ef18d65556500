package dev.percpu.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.model.JavacTypes;
import com.sun.tools.javac.util.Context;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.UnitRelevance;
import dev.percpu.errorprone.lifetime.LifetimeScanner;
import dev.percpu.errorprone.nesting.MapNestingAnalysis;
import dev.percpu.errorprone.nesting.NestingAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-unit analysis all the checks share, computed once per compilation unit and memoised in
 * javac's {@link Context} (so it lives no longer than the compilation). It never throws: an
 * unexpected tree or a symbol that fails to complete yields no findings for that unit rather than a
 * javac crash.
 */
final class PerCpuAnalysis {

  private static final Context.Key<Cache> KEY = new Context.Key<>();

  /** Set to {@code true} to let an analysis failure propagate (tests only). */
  static final String RETHROW_PROPERTY = "percpu.errorprone.rethrow";

  /**
   * The findings of the unit Error Prone is on. It runs every check over one unit before the next,
   * so one slot is enough, and it lets the previous unit's trees (which findings' paths reach) be
   * collected.
   */
  private static final class Cache {
    CompilationUnitTree unit;
    List<Finding> findings;

    /** The cheap exit, made once per compilation: it caches what it learnt about packages. */
    UnitRelevance relevance;
  }

  private PerCpuAnalysis() {}

  static List<Finding> findings(CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    Cache cache = state.context.get(KEY);
    if (cache == null) {
      cache = new Cache();
      state.context.put(KEY, cache);
    }
    if (cache.unit != unit) {
      if (cache.relevance == null) {
        cache.relevance =
            new UnitRelevance(
                config.api(),
                state.getElements(),
                tree -> ASTHelpers.getSymbol(tree) instanceof MethodSymbol m ? m : null);
      }
      cache.findings = compute(unit, state, config, cache.relevance);
      cache.unit = unit;
    }
    return cache.findings;
  }

  private static List<Finding> compute(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config, UnitRelevance relevance) {
    // The analyses fail independently: a surprise in one costs only its own findings. The map
    // check concerns code that never uses the per-CPU API, so it has its own cheap exit.
    List<Finding> maps = guarded(() -> MapNestingAnalysis.run(unit, state, config), List.of());
    if (!guarded(() -> relevance.concernsPerCpu(unit), false)) {
      return maps;
    }
    List<Finding> all = new ArrayList<>(maps);
    all.addAll(guarded(() -> NestingAnalysis.run(unit, state, config), List.of()));
    JavacTypes types = JavacTypes.instance(state.context);
    all.addAll(
        guarded(
            () ->
                LifetimeScanner.run(
                    unit,
                    config.api(),
                    (m, i) -> {
                      try {
                        return config.api().closureUse(m, i, types);
                      } catch (RuntimeException e) {
                        return ClosureUse.UNKNOWN;
                      }
                    }),
            List.of()));
    return List.copyOf(all);
  }

  /**
   * Never crash javac: erroneous or unforeseen code yields {@code fallback} instead. The module's
   * own tests set {@link #RETHROW_PROPERTY}, so that a swallowed bug still fails them.
   */
  private static <T> T guarded(Supplier<T> analysis, T fallback) {
    try {
      return analysis.get();
    } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
      if (Boolean.getBoolean(RETHROW_PROPERTY)) {
        throw e;
      }
      return fallback;
    }
  }
}
