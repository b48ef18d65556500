/**
 * The nesting analysis, after {@code analysis-model.md}: an {@link
 * dev.percpu.errorprone.nesting.Allocation} identity per handle expression (computed by the binder
 * through variables, clones, tokens, symbol lookups and conditionals), an immutable entered set
 * carried down the tree as the scanner descends into the closures of entering calls (Error Prone's
 * {@code HeldLockSet}, turned around), and per-method summaries of what each method of the unit
 * enters, computed by a fixpoint over the unit's call graph and instantiated at each call site.
 * Entry point: {@link dev.percpu.errorprone.nesting.NestingAnalysis#run}.
 */
package dev.percpu.errorprone.nesting;
