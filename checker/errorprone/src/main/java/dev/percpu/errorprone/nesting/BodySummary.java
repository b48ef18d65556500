package dev.percpu.errorprone.nesting;

import dev.percpu.analysis.EffectSummary;
import java.util.List;

/**
 * What the body of a method of another compilation unit of this compilation shows, computed in that
 * unit's own terms: its final summary (possibly {@link EffectSummary#EMPTY}) and the nestings
 * between its parameters that each call site asks the verdict about again.
 *
 * @param summary the method's summary in the fixpoint of its own unit
 * @param parameterNestings the nestings between its parameters its body showed
 * @param binder its unit's binder: what its return statements return, and its own locals (a
 *     for-each over its varargs), are known there
 */
record BodySummary(
    EffectSummary summary, List<ParameterNesting> parameterNestings, IdentityBinder binder) {}
