/** Per-CPU variables: exclusive per-CPU slots reached through handles, guards and tokens. */
module dev.percpu {
  requires transitive dev.percpu.qual;

  exports dev.percpu;
}
