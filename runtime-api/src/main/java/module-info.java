/** Per-CPU variables: exclusive per-CPU slots reached through handles, guards and tokens. */
module dev.percpu {
  requires transitive dev.percpu.qual;
  // Optional: assertion mode watches for blocking while pinned through JDK Flight Recorder when the
  // module is present, and says once that it cannot when it is not (BlockingDetection).
  requires static jdk.jfr;

  exports dev.percpu;
}
