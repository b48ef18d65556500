package dev.percpu.analysis;

import javax.lang.model.element.ExecutableElement;

/**
 * The words of a nesting finding, one message per {@link Verdict}, so that both checkers say the
 * same thing about the same code: the allocation named by {@link IdentitySet#describe()}, the outer
 * entry by its entering call and line, and the call path by which the inner entry is reached.
 *
 * <p>The Checker Framework keeps {@code messages.properties}; its {@code nested.entry} and {@code
 * possible.nested.entry} values are {@link #DEFINITE_FORMAT} and {@link #POSSIBLE_FORMAT}, with the
 * arguments in the order of {@link #definite} and {@link #possible}.
 *
 * <pre>{@code
 * String message =
 *     FindingText.definite("`counts`", FindingText.entering(with), 9, FindingText.via("`bump()`"));
 * // Nested entry of `counts`: it is already entered by the `with` at line 9; entered again via
 * // `bump()`. A nested entry of the same allocation on the same CPU throws ...
 * }</pre>
 */
public final class FindingText {

  /** The inner allocation, the outer entering call, the outer line, the path ({@link #via}). */
  public static final String DEFINITE_FORMAT =
      "Nested entry of %s: it is already entered by the %s at line %s%s. A nested entry of the same"
          + " allocation on the same CPU throws PerCpuNestingException at run time.";

  /**
   * The inner allocation, the outer entering call, the outer line, the outer allocation, the path
   * ({@link #via}), the advice ({@link #DISTINCT_ADVICE} or {@link #declareEffectAdvice}).
   */
  public static final String POSSIBLE_FORMAT =
      "Possible nested entry: %s may be the allocation entered by the %s at line %s (%s)%s. %s";

  /** What to do about a possible nesting between two handles. */
  public static final String DISTINCT_ADVICE =
      "If they can be the same allocation, this throws PerCpuNestingException at run time; if not,"
          + " say so with @Distinct.";

  private FindingText() {}

  /** The message of a {@link Verdict#DEFINITE} nesting. */
  public static String definite(String inner, String outerCall, int outerLine, String via) {
    return String.format(DEFINITE_FORMAT, inner, outerCall, outerLine, via);
  }

  /** The message of a {@link Verdict#POSSIBLE} nesting. */
  public static String possible(
      String inner, String outerCall, int outerLine, String outer, String via, String advice) {
    return String.format(POSSIBLE_FORMAT, inner, outerCall, outerLine, outer, via, advice);
  }

  /** The path argument: empty when the inner entry is the call itself, else how it is reached. */
  public static String via(String path) {
    return path == null || path.isEmpty() ? "" : "; entered again via " + path;
  }

  /** How the outer entry's call is named: {@code `with`}. */
  public static String entering(ExecutableElement enteringMethod) {
    return "`" + enteringMethod.getSimpleName() + "`";
  }

  /** One step of a path through an entering call: {@code `with` at line 12}. */
  public static String enteringAt(ExecutableElement enteringMethod, int line) {
    return entering(enteringMethod) + " at line " + line;
  }

  /**
   * How a path names the inner entering call itself: {@code `with` at line 12}, or, when the method
   * it calls is not known ({@code null}), {@code the call at line 12}.
   */
  public static String innerCall(ExecutableElement enteringMethodOrNull, int line) {
    return enteringMethodOrNull == null
        ? "the call at line " + line
        : enteringAt(enteringMethodOrNull, line);
  }

  /** How a called method is named in a path or as an outer entry: {@code `bump()`}. */
  public static String call(ExecutableElement callee) {
    return "`" + CallName.of(callee) + "`";
  }

  /** One step of a path through a call: {@code `bump()` at line 12}. */
  public static String callAt(ExecutableElement callee, int line) {
    return call(callee) + " at line " + line;
  }

  /** A path through a callee that enters by way of {@code inside}: {@code `bump()` (…)}. */
  public static String through(ExecutableElement callee, String inside) {
    return call(callee) + " (" + inside + ")";
  }

  /** A path through a callee's declared effect: {@code `bump()` (declared @Enters("#1"))}. */
  public static String declared(ExecutableElement callee, EffectTerm term) {
    return through(callee, "declared @Enters(\"" + term + "\")");
  }

  /** A path through a method compiled elsewhere that declares nothing, so may enter any handle. */
  public static String undeclared(ExecutableElement callee) {
    return call(callee) + ", compiled elsewhere without @Enters, which may enter its argument";
  }

  /** A path through a closure held in a variable and run here: {@code the closure `r` (line 8)}. */
  public static String closure(String variable, int line) {
    return "the closure `" + variable + "` (line " + line + ")";
  }

  /**
   * A path through a closure an object was made with and runs later: {@code the closure given to
   * `Thread(..)` (line 8)}.
   */
  public static String heldClosure(ExecutableElement maker, int line) {
    return "the closure given to " + call(maker) + " (line " + line + ")";
  }

  /**
   * A path through a closure a method returned: {@code the closure returned by `later()` (line 8)}.
   */
  public static String returnedClosure(ExecutableElement producer, int line) {
    return "the closure returned by " + call(producer) + " (line " + line + ")";
  }

  /** One step after another in a path. */
  public static String then(String first, String next) {
    return first + " → " + next;
  }

  /**
   * The advice for a possible nesting that comes only from assuming that {@code callee}, which
   * declares no {@code @Enters}, enters every handle passed to it.
   */
  public static String declareEffectAdvice(String qualifiedCallee) {
    return qualifiedCallee
        + " declares no @Enters, so it is assumed to enter every handle passed to it: if it does"
        + " not, annotate "
        + qualifiedCallee
        + " with @Enters listing what it enters (@Enters({}) for nothing).";
  }
}
