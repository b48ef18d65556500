package dev.percpu.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.model.JavacTypes;
import com.sun.tools.javac.util.Context;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.errorprone.lifetime.LifetimeScanner;
import dev.percpu.errorprone.nesting.NestingAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The per-unit analysis all five checks share, computed once per compilation unit and memoised
 * in javac's {@link Context} (so it lives exactly as long as the compilation). It never throws:
 * an unexpected tree or a symbol that fails to complete yields no findings for that unit rather
 * than a javac crash.
 */
final class PerCpuAnalysis {

  private static final Context.Key<Cache> KEY = new Context.Key<>();

  /** Set to {@code true} to let an analysis failure propagate (tests only). */
  static final String RETHROW_PROPERTY = "percpu.errorprone.rethrow";

  private static final class Cache {
    final Map<CompilationUnitTree, List<Finding>> byUnit = new WeakHashMap<>();
  }

  private PerCpuAnalysis() {}

  static List<Finding> findings(CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    Cache cache = state.context.get(KEY);
    if (cache == null) {
      cache = new Cache();
      state.context.put(KEY, cache);
    }
    List<Finding> found = cache.byUnit.get(unit);
    if (found == null) {
      found = compute(unit, state, config);
      cache.byUnit.put(unit, found);
    }
    return found;
  }

  private static List<Finding> compute(CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    try {
      if (!ApiUsage.mentionsPerCpu(unit, config.api(), config.configuredMethods())) {
        return List.of();
      }
      List<Finding> all = new ArrayList<>(NestingAnalysis.run(unit, state, config));
      JavacTypes types = JavacTypes.instance(state.context);
      all.addAll(
          LifetimeScanner.run(
              unit,
              config.api(),
              (m, i) -> {
                try {
                  return config.api().closureUse(m, i, types);
                } catch (RuntimeException e) {
                  return ClosureUse.UNKNOWN;
                }
              }));
      return List.copyOf(all);
    } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
      // Never crash javac: erroneous or unforeseen code gets no findings instead. The module's
      // own tests set the property, so that a swallowed bug still fails them.
      if (Boolean.getBoolean(RETHROW_PROPERTY)) {
        throw e;
      }
      return List.of();
    }
  }
}
