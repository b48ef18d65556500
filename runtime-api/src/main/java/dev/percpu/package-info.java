/**
 * Per-CPU variables for Java, after the Linux kernel's Rust per-CPU API.
 *
 * <p>A {@link dev.percpu.CpuGuard} pins a thread to one of {@link
 * dev.percpu.CpuGuard#possibleCpus()} CPU slots, exclusively. A {@link dev.percpu.PerCpu} handle
 * reaches one allocation with a value per CPU; {@link dev.percpu.PerCpu#with} and tokens from
 * {@link dev.percpu.PerCpu#get} run closures with exclusive access to the pinned CPU's value.
 * Entering one allocation again inside its own closure on the same CPU throws {@link
 * dev.percpu.PerCpuNestingException}. {@link dev.percpu.PerCpuCounter} is the boxing-free per-CPU
 * {@code long}; {@link dev.percpu.PerCpuAssertions} switches on the costlier diagnostics.
 *
 * <pre>{@code
 * static final PerCpu<Stats> STATS = PerCpu.allocate(Stats::new);
 * static final PerCpuCounter EVENTS = PerCpuCounter.allocate();
 *
 * void handle(Request r) {
 *   EVENTS.increment();
 *   STATS.with(s -> s.record(r));
 * }
 * }</pre>
 */
package dev.percpu;
