/**
 * JMH benchmarks of the percpu runtime, each against the java.util.concurrent baseline it competes
 * with, measured in the same run. {@code benchmarks/run.sh} runs the whole matrix (1, 2 and 4
 * threads, with the GC profiler) and is the command quoted in {@code docs/performance.md}.
 */
package dev.percpu.benchmarks;
