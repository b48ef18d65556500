/**
 * The vocabulary the two percpu checkers share: which methods enter an allocation, which preserve
 * or establish an allocation's identity, which invoke a closure now or elsewhere, and how a
 * declared {@link dev.percpu.qual.Enters} effect names an allocation.
 *
 * <p>Only {@code javax.lang.model} and the public tree API of {@code jdk.compiler} ({@code
 * com.sun.source.tree}, {@code com.sun.source.util}) are used here, so the Error Prone plugin
 * (whose symbols are {@code javax.lang.model} elements) and the Checker Framework checker read the
 * same model without either depending on the other's framework. Where a question needs a symbol
 * lookup ({@link dev.percpu.analysis.UnitRelevance}), the checker passes in its own framework's.
 * Each checker keeps its own idiom for what it does with the answers.
 */
package dev.percpu.analysis;
