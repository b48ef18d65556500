package dev.percpu;

import java.util.concurrent.atomic.AtomicInteger;

/** Symbols are defined once per JVM, so every test needs names no other test uses. */
final class Symbols {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Symbols() {}

  static String fresh(String purpose) {
    return "test." + purpose + "." + NEXT.incrementAndGet();
  }
}
