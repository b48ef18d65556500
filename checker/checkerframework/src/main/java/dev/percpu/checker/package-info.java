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
 *       {@code Reach}, {@code Entry}, {@code EffectAtom}, {@code MethodSummary}), declared with
 *       {@code @Enters} or defaulted elsewhere.
 *   <li>{@link dev.percpu.checker.PerCpuVisitor}: reports nested entries at the inner call.
 * </ul>
 *
 * <p>What a method does comes only from {@code dev.percpu.analysis.PerCpuApi}, which the Error
 * Prone checks read too. The manual is {@code docs/checker/manual.md}.
 */
package dev.percpu.checker;
