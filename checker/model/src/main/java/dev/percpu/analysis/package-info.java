/**
 * The analysis the two percpu checkers share, so that their verdicts cannot disagree: each checker
 * is an adapter idiomatic to its framework around these concepts, one per file.
 *
 * <ul>
 *   <li>The API: which methods enter an allocation, preserve or establish an allocation's identity,
 *       or run a closure now, later or elsewhere ({@link dev.percpu.analysis.PerCpuApi}, {@link
 *       dev.percpu.analysis.MethodRole}, {@link dev.percpu.analysis.KnownLibraryMethods}, {@link
 *       dev.percpu.analysis.ClosureUse}), and what methods compiled elsewhere do by default ({@link
 *       dev.percpu.analysis.DefaultEffects}).
 *   <li>Identity: what a handle expression reaches ({@link dev.percpu.analysis.AllocationIdentity},
 *       {@link dev.percpu.analysis.IdentitySet}), and the verdict table of two identities as one
 *       function ({@link dev.percpu.analysis.Verdict#of}).
 *   <li>Nesting: the entries around a point ({@link dev.percpu.analysis.EnteredSet} of {@link
 *       dev.percpu.analysis.Entry}), what a method enters ({@link dev.percpu.analysis.Effect},
 *       {@link dev.percpu.analysis.EffectSummary}), the one translation of a callee's terms into a
 *       caller's at a {@link dev.percpu.analysis.CallSite} ({@link
 *       dev.percpu.analysis.CallSiteTranslation}), and the binding of declared {@link
 *       dev.percpu.qual.Enters} terms ({@link dev.percpu.analysis.EffectTerm}, {@link
 *       dev.percpu.analysis.EffectTermBinder}).
 *   <li>Words: how findings read in both tools ({@link dev.percpu.analysis.FindingText}, {@link
 *       dev.percpu.analysis.CallName}).
 * </ul>
 *
 * <p>Only {@code javax.lang.model} and the public tree API of {@code jdk.compiler} ({@code
 * com.sun.source.tree}, {@code com.sun.source.util}) are used here, so the Error Prone plugin
 * (whose symbols are {@code javax.lang.model} elements) and the Checker Framework checker read the
 * same model without either depending on the other's framework; the model is shaded into both
 * checker jars. Where the model needs to see a program (a call's arguments bound to identities, a
 * symbol lookup) the checker implements a narrow interface over its own framework ({@link
 * dev.percpu.analysis.CallSite}; the symbol lookup of {@link dev.percpu.analysis.UnitRelevance}).
 *
 * <p>Where a change goes is tabulated in {@code docs/design.md}, "Where a change goes".
 */
package dev.percpu.analysis;
