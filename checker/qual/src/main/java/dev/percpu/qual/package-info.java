/**
 * Annotations that describe per-CPU APIs to the percpu checkers.
 *
 * <p>Two kinds live here:
 *
 * <ul>
 *   <li><b>Method roles</b>, read by both checkers: {@link dev.percpu.qual.Entering} (runs a
 *       caller's closure while an allocation's slot is entered), {@link
 *       dev.percpu.qual.PreservesAllocation} (returns another handle to the same allocation),
 *       {@link dev.percpu.qual.SymbolLookup}, {@link dev.percpu.qual.FreshAllocation}, {@link
 *       dev.percpu.qual.InvokesClosure} and {@link dev.percpu.qual.Deferred}; {@link
 *       dev.percpu.qual.MayBlock} marks a method that may block the calling thread, which must not
 *       be called while pinned.
 *   <li><b>Effects and identities</b>: {@link dev.percpu.qual.Enters} declares which allocations a
 *       method compiled elsewhere may enter; {@link dev.percpu.qual.Distinct} says that a handle
 *       never aliases another one in scope.
 * </ul>
 *
 * <p>Parameter indices in {@code int} attributes are 0-based. Inside the strings of {@link
 * dev.percpu.qual.Enters}, {@code #1} is the first parameter, as in the Checker Framework's
 * Java-expression syntax.
 */
package dev.percpu.qual;
