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
import dev.percpu.errorprone.nesting.BlockingAnalysis;
import dev.percpu.errorprone.nesting.MapNestingAnalysis;
import dev.percpu.errorprone.nesting.NestingAnalysis;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The per-unit analyses the checks share, each computed at most once per compilation unit, and only
 * when an enabled check asks for its findings, memoised in javac's {@link Context} (so they live no
 * longer than the compilation). A check that is off costs nothing: Error Prone never calls it, so
 * its analysis never runs (the map analysis, which has no per-CPU cheap exit, matters most here).
 * It never throws: an unexpected tree or a symbol that fails to complete yields no findings for
 * that unit rather than a javac crash.
 */
final class PerCpuAnalysis {

  private static final Context.Key<Cache> KEY = new Context.Key<>();

  /** Set to {@code true} to let an analysis failure propagate (tests only). */
  static final String RETHROW_PROPERTY = "percpu.errorprone.rethrow";

  /** The analyses, each serving the checks whose finding kinds it produces. */
  private enum Part {
    MAPS,
    NESTING,
    BLOCKING,
    LIFETIME;

    static Part of(Finding.Kind kind) {
      return switch (kind) {
        case NESTED_MAP_COMPUTE, POSSIBLE_NESTED_MAP_COMPUTE -> MAPS;
        case NESTED, POSSIBLE_NESTED -> NESTING;
        case BLOCKING_WHILE_PINNED, ON_EACH_CPU_WHILE_PINNED -> BLOCKING;
        case GUARD_NOT_CLOSED, GUARD_ESCAPE, VALUE_ESCAPE -> LIFETIME;
      };
    }
  }

  /**
   * The findings of the unit Error Prone is on. It runs every check over one unit before the next,
   * so one unit's worth is enough, and it lets the previous unit's trees (which findings' paths
   * reach) be collected.
   */
  private static final class Cache {
    CompilationUnitTree unit;
    final Map<Part, List<Finding>> findings = new EnumMap<>(Part.class);

    /** Whether {@link #unit} can reach the per-CPU API; {@code null} until asked. */
    Boolean concernsPerCpu;

    /** The cheap exit, made once per compilation: it caches what it learnt about packages. */
    UnitRelevance relevance;
  }

  private PerCpuAnalysis() {}

  /**
   * The findings of the analysis that produces {@code kind} (and its sibling kinds) for the unit.
   */
  static List<Finding> findings(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config, Finding.Kind kind) {
    Cache cache = state.context.get(KEY);
    if (cache == null) {
      cache = new Cache();
      state.context.put(KEY, cache);
    }
    if (cache.unit != unit) {
      cache.unit = unit;
      cache.findings.clear();
      cache.concernsPerCpu = null;
    }
    Part part = Part.of(kind);
    List<Finding> found = cache.findings.get(part);
    if (found == null) {
      found = compute(part, unit, state, config, cache);
      cache.findings.put(part, found);
    }
    return found;
  }

  private static List<Finding> compute(
      Part part, CompilationUnitTree unit, VisitorState state, PerCpuConfig config, Cache cache) {
    // The map check concerns code that never uses the per-CPU API, so it has its own cheap exit.
    if (part == Part.MAPS) {
      return guarded(() -> MapNestingAnalysis.run(unit, state, config), List.of());
    }
    if (!concernsPerCpu(unit, state, config, cache)) {
      return List.of();
    }
    // The analyses fail independently: a surprise in one costs only its own findings.
    return switch (part) {
      case NESTING -> guarded(() -> NestingAnalysis.run(unit, state, config), List.of());
      case BLOCKING -> guarded(() -> BlockingAnalysis.run(unit, state, config), List.of());
      case LIFETIME -> guarded(() -> lifetime(unit, state, config), List.of());
      case MAPS -> throw new AssertionError(part);
    };
  }

  private static boolean concernsPerCpu(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config, Cache cache) {
    if (cache.concernsPerCpu == null) {
      if (cache.relevance == null) {
        cache.relevance =
            new UnitRelevance(
                config.api(),
                state.getElements(),
                tree -> ASTHelpers.getSymbol(tree) instanceof MethodSymbol m ? m : null);
      }
      UnitRelevance relevance = cache.relevance;
      cache.concernsPerCpu = guarded(() -> relevance.concernsPerCpu(unit), false);
    }
    return cache.concernsPerCpu;
  }

  private static List<Finding> lifetime(
      CompilationUnitTree unit, VisitorState state, PerCpuConfig config) {
    JavacTypes types = JavacTypes.instance(state.context);
    return LifetimeScanner.run(
        unit,
        config.api(),
        (m, i) -> {
          try {
            return config.api().closureUse(m, i, types);
          } catch (RuntimeException e) {
            return ClosureUse.UNKNOWN;
          }
        });
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
