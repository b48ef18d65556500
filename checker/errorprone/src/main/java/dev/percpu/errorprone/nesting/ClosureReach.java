package dev.percpu.errorprone.nesting;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.ClosureUse;
import dev.percpu.analysis.EffectSummary;
import java.util.function.Supplier;

/**
 * Where a closure passed to a call runs, as far as what is entered at the call goes: inside the
 * call, possibly inside it, after it, or on another thread. A callee of this unit (or, for the
 * per-CPU check, of another source unit of the compilation: {@link UnitContext#knownByBody}) is
 * known by its summary (it runs the closure parameter itself, or stores it); any other callee by
 * what the model's {@link dev.percpu.analysis.PerCpuApi#closureUse} says of it (its role,
 * {@code @Deferred}, the configuration, the JDK list).
 *
 * <p>Both {@link NestingScanner} (per-CPU entries) and {@link MapNestingScanner} (map functions)
 * decide this the same way; it lives here once so the two checks cannot drift apart on where a
 * closure runs. What each scanner then adds around the closure (the summary's own entries, in its
 * own terms) stays with the scanner.
 *
 * <pre>{@code
 * switch (ClosureReach.of(m, i, summary, unit)) {
 *   case NOW -> scanClosure(arg, ctx);
 *   case POSSIBLY_NOW -> scanClosure(arg, ctx.withEntered(ctx.entered().uncertain()));
 *   case LATER, ELSEWHERE -> scanClosure(arg, ctx.detached());
 * }
 * }</pre>
 */
enum ClosureReach {
  /** The callee runs it on the calling thread before returning: it nests in what is entered. */
  NOW,
  /**
   * The callee may run it before returning, or not on every path, or nothing is known: it nests
   * possibly.
   */
  POSSIBLY_NOW,
  /** A method of this unit stores it without running it: it runs after the call, outside it. */
  LATER,
  /** A method compiled elsewhere stores it or hands it to another thread: it does not nest. */
  ELSEWHERE;

  /** Where closure argument {@code arg} of a call of {@code callee} runs, for the per-CPU check. */
  static ClosureReach of(MethodSymbol callee, int arg, EffectSummary summary, UnitContext unit) {
    EffectSummary.Invocation inv = summary == null ? null : summary.invocation(arg);
    boolean byBody = summary != null || unit.knownByBody(callee);
    boolean certainly = inv != null && inv.certain();
    return decide(byBody, inv != null, certainly, () -> unit.closureUse(callee, arg));
  }

  /** Where closure argument {@code arg} of a call of {@code callee} runs, for the map check. */
  static ClosureReach of(MethodSymbol callee, int arg, MapSummary summary, UnitContext unit) {
    MapSummary.Invocation inv = summary == null ? null : summary.invocation(arg);
    boolean byBody = summary != null || unit.index().declaredHere(callee);
    boolean certainly = inv != null && inv.certain();
    return decide(byBody, inv != null, certainly, () -> unit.closureUse(callee, arg));
  }

  /**
   * Where closure argument {@code arg} of a call of {@code callee} runs, for the blocking check.
   * Its summaries do not say whether an invocation is certain: a closure the callee may run is
   * taken as run now, as a pin held while it may block is the finding either way.
   */
  static ClosureReach of(MethodSymbol callee, int arg, BlockingSummary summary, UnitContext unit) {
    boolean invoked = summary != null && summary.invocation(arg) != null;
    boolean byBody = summary != null || unit.index().declaredHere(callee);
    return decide(byBody, invoked, invoked, () -> unit.closureUse(callee, arg));
  }

  /**
   * The one rule. A summarised callee (one this unit declares, whose body says what it does) is
   * taken at its word: a closure parameter its summary does not invoke is stored. Only a callee
   * without a body here is asked what its declaration says.
   */
  private static ClosureReach decide(
      boolean summarised, boolean invoked, boolean certainly, Supplier<ClosureUse> declared) {
    if (summarised) {
      return !invoked ? LATER : certainly ? NOW : POSSIBLY_NOW;
    }
    return of(declared.get());
  }

  /**
   * What the model's closure use means for what is entered at the call. A lazy stream stage is
   * taken to run now unless the scanner followed its pipeline. The table asked without the receiver
   * presumes an executor of unknown origin is a pool, as nearly every one is; these checks find
   * bugs and do not flag every task handed to one. {@link ClosureUse#HANDED_ON}, the sound answer
   * of the receiver-aware form, is elsewhere here for the same reason.
   */
  static ClosureReach of(ClosureUse use) {
    return switch (use) {
      case INVOKED_NOW, AT_TERMINAL -> NOW;
      case ELSEWHERE, HANDED_ON -> ELSEWHERE;
      case UNKNOWN -> POSSIBLY_NOW;
    };
  }
}
