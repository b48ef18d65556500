/**
 * The machinery behind {@code dev.percpu}: the slot-owner table that pins threads to CPU slots, the
 * per-thread pin state (with its stack of running closures for the nesting check), the per-CPU
 * value arrays, the symbol registry and the assertion-mode record.
 *
 * <p>This package is not exported by the {@code dev.percpu} module and is not API: its classes are
 * public only so that the public classes of {@code dev.percpu} and in-repository benchmarks (run on
 * the class path) can reach them. In particular {@link dev.percpu.internal.Allocation} offers the
 * entry with and without the nesting check from the same primitives, so a benchmark can measure
 * what the check costs.
 */
package dev.percpu.internal;
