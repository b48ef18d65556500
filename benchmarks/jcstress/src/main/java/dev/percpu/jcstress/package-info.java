/**
 * jcstress tests of the runtime's concurrency promises: the release/acquire hand-over of a slot's
 * value from one pinned thread to the next, the exclusivity of a slot, and the counter's owned
 * (plain, owner-only) and shared (atomic) cells. They are meant to run with one CPU slot ({@code
 * -Dpercpu.cpus=1}, as {@code benchmarks/jcstress/run.sh} passes), so that every pin of every actor
 * contends for the same slot and every unpinned counter update lands on that slot's shared cell.
 */
package dev.percpu.jcstress;
