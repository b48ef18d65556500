package dev.percpu.analysis;

import dev.percpu.analysis.AllocationIdentity.Variable;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Types;

/**
 * A nesting inside a method between handles that are all its own parameters ({@code outer.with(a ->
 * inner.with(..))} in {@code nest(outer, inner)}): only possible in the method, it is decided again
 * at each call, on both sides in the caller's terms ({@link CallSiteTranslation}). Arguments known
 * to be one allocation make it definite at that call; distinct ones, nothing; the caller's own
 * parameters on both sides carry the question on to the caller's callers.
 *
 * <pre>{@code
 * if (NestedParameters.between(inner, outer, method)) {
 *   nestings.add(new NestedParameters(inner, outer, certain));
 * }
 * // at each call of method:
 * NestedParameters.AtCall at = nesting.at(site, types);
 * if (at.verdict() == Verdict.DEFINITE) report(site.tree(), at.inner(), at.outer());
 * else if (at.carriesOn()) callerNestings.add(at.asNesting());
 * }</pre>
 *
 * @param inner what the inner entry enters, in the method's terms
 * @param outer what the entry around it enters, in the method's terms
 * @param certain whether the inner entry runs inside the outer one for certain
 */
public record NestedParameters(IdentitySet inner, IdentitySet outer, boolean certain) {

  /**
   * Whether a nesting of {@code inner} inside {@code outer} found in {@code method}'s body is one
   * to record: both sides are only parameters of {@code method}.
   */
  public static boolean between(IdentitySet inner, IdentitySet outer, ExecutableElement method) {
    return onlyParameters(inner, method) && onlyParameters(outer, method);
  }

  /** Whether every member of {@code ids} (one at least) is a parameter of {@code method}. */
  public static boolean onlyParameters(IdentitySet ids, ExecutableElement method) {
    if (method == null || ids.isEmpty()) {
      return false;
    }
    return ids.members().stream().allMatch(a -> a instanceof Variable v && v.isParameterOf(method));
  }

  /** The nesting at one call of the method: both sides translated, and the verdict on them. */
  public AtCall at(CallSite site, Types types) {
    IdentitySet in = CallSiteTranslation.entered(inner, site);
    IdentitySet out = CallSiteTranslation.entered(outer, site);
    Verdict v = Verdict.of(in, out, types).ifCertain(certain);
    return new AtCall(in, out, v, certain, site.caller());
  }

  /**
   * One call's view of a {@link NestedParameters}.
   *
   * @param inner the inner side, in the caller's terms
   * @param outer the outer side, in the caller's terms
   * @param verdict {@link Verdict#DEFINITE} is a finding at the call
   * @param certain as the method's nesting
   * @param caller the method containing the call, or {@code null}
   */
  public record AtCall(
      IdentitySet inner,
      IdentitySet outer,
      Verdict verdict,
      boolean certain,
      ExecutableElement caller) {

    /**
     * Whether the question passes on to the caller's own callers: still possible, and both sides
     * are the caller's parameters.
     */
    public boolean carriesOn() {
      return verdict == Verdict.POSSIBLE && between(inner, outer, caller);
    }

    /** The caller's own nesting between its parameters (see {@link #carriesOn}). */
    public NestedParameters asNesting() {
      return new NestedParameters(inner, outer, certain);
    }
  }
}
