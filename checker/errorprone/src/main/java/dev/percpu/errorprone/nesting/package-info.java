/**
 * The Error Prone side of the nesting analysis: an adapter from javac's trees and symbols to the
 * shared model in {@code dev.percpu.analysis}, which holds the concepts (identity, entered set,
 * effect summary, verdict, finding text).
 *
 * <ul>
 *   <li>{@link dev.percpu.errorprone.nesting.IdentityBinder} maps each handle expression to the
 *       model's {@code IdentitySet} (through variables, clones, tokens, symbol lookups, returns and
 *       conditionals); {@link dev.percpu.errorprone.nesting.JavacCallSite} is the model's {@code
 *       CallSite} view of one call, for summary instantiation and {@code @Enters} binding.
 *   <li>{@link dev.percpu.errorprone.nesting.NestingScanner} is one walk whose argument is an
 *       immutable {@link dev.percpu.errorprone.nesting.ScanContext} (entered set, current method,
 *       summary builder, redirect), grown when it descends into the closure of an entering call. It
 *       reports {@link dev.percpu.errorprone.nesting.NestingEvent}s to a {@link
 *       dev.percpu.errorprone.nesting.NestingListener}; {@link
 *       dev.percpu.errorprone.nesting.FindingCollector} turns them into findings for the thin
 *       checks.
 *   <li>{@link dev.percpu.errorprone.nesting.NestingAnalysis} drives the fixpoint over the unit's
 *       summaries, kept per pass in a {@link dev.percpu.errorprone.nesting.SummaryTable}.
 *   <li>{@link dev.percpu.errorprone.nesting.MapNestingAnalysis} is the same rule for the JDK's own
 *       closure APIs ({@code Map.computeIfAbsent} and its kin, for {@code NestedMapCompute}): its
 *       scanner binds map receivers to the same identities and judges inner map operations with the
 *       model's {@code MapKind} and {@code Verdict}.
 * </ul>
 */
package dev.percpu.errorprone.nesting;
