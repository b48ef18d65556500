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
 *
 * <h2>Costs</h2>
 *
 * <p>The hot paths allocate nothing: {@link dev.percpu.PerCpu#with}, {@link
 * dev.percpu.PerCpu#apply}, {@link dev.percpu.PerCpuToken#with}, {@link
 * dev.percpu.PerCpuToken#apply} (beyond what the closure itself allocates) and every {@link
 * dev.percpu.PerCpuCounter} operation. {@link dev.percpu.CpuGuard#pin()} and {@link
 * dev.percpu.PerCpu#get} create a guard and a token, which the JIT's escape analysis removes when
 * they stay inside a try-with-resources block. JDK 25 removes both. JDK 17 removes the token, but
 * keeps the guard (40 bytes) whenever the block also contains an allocation, such as the token of
 * {@code get}, or a call that is not inlined: its escape analysis gives up on an object that the
 * block's exceptional exit must still close. A guard whose block only updates a {@link
 * dev.percpu.PerCpuCounter} is removed on JDK 17 too.
 *
 * <p>A pin costs a look-up of the thread's pin state (an entry of a thread-id-indexed cache, or a
 * {@code ThreadLocal} when that misses), one compare-and-set to take a CPU slot and one release
 * store (a plain store on x86) to give it back; {@code LongAdder.increment} costs one
 * compare-and-set. The nesting check costs a store of a {@code long} on the thread's own state,
 * plus a search of the thread's running closures when it is already inside one. See {@code
 * docs/performance.md} for measurements against {@code LongAdder}.
 */
package dev.percpu;
