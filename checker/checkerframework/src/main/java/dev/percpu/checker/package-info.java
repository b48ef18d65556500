/**
 * The percpu Checker Framework checker: a pluggable type system that proves per-CPU entries never
 * nest on one allocation.
 *
 * <ul>
 *   <li>{@link dev.percpu.checker.PerCpuChecker}: the processor and its options.
 *   <li>{@link dev.percpu.checker.PerCpuAnnotatedTypeFactory}: allocation identity as a type
 *       qualifier ({@code @UnknownAllocation} / {@code @Allocation("...")} /
 *       {@code @AllocationBottom}, hierarchy in {@code AllocationQualifierHierarchy}), inferred
 *       from the method roles of the shared model and refined by the framework's flow analysis.
 *   <li>{@code EffectAnalysis}: entering as an effect, computed for the compilation unit (with
 *       {@code Reach} and {@code EntrySite}, where a point runs and inside which entries) into the
 *       model's {@code EffectSummary} of each method, in the method's own terms, and used by
 *       callers only for private methods, lambdas and anonymous and local classes; every other
 *       method is described by {@code @Enters} or the default, and its body (and every override) is
 *       checked against that description, as in the GUI Effect Checker. A summary is instantiated
 *       at each call by the model ({@code EffectSummary.instantiate}, {@code entriesAround}) over
 *       {@code TreeCallSite}, which tells the model whether the call runs on the current object, on
 *       one it makes ({@code new C().m()}, a constructor) or on another.
 *   <li>{@code AllocationId}: the one encoder and decoder between the qualifier string and the
 *       model's {@code AllocationIdentity}; verdicts are the model's {@code Verdict.of}, messages
 *       its {@code FindingText}. A field read through another object is what the model's {@code
 *       CallSiteTranslation} makes of the field's identity on the current object: a new allocation
 *       through {@code new C()}, the field of the object a stable variable holds ({@code
 *       OfHeldObject}), or another object's field.
 *   <li>{@link dev.percpu.checker.PerCpuVisitor}: reports nested entries at the inner call.
 * </ul>
 *
 * <p>What a method does comes only from {@code dev.percpu.analysis.PerCpuApi}, which the Error
 * Prone checks read too. The manual is {@code docs/checker/manual.md}.
 */
package dev.percpu.checker;
