package dev.percpu.internal;

/**
 * 128 bytes of fields that are never used, for a class to extend so that its own fields start that
 * far from the object's header, and so from whatever object the JVM places before it: the JVM lays
 * out a superclass's fields first. 128 bytes rather than 64 because adjacent-line prefetchers move
 * cache lines in pairs. The {@code int} fills the gap after a compressed-class-pointer header,
 * which a subclass's {@code int} field could otherwise be placed in.
 */
abstract class CacheLinePadding {
  @SuppressWarnings("unused")
  private int p00;

  @SuppressWarnings("unused")
  private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}
