package dev.percpu.errorprone.nesting;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark instrumentation beside {@code SelfTiming}: with {@code
 * -J-Dpercpu.errorprone.timing=true}, how many passes each analysis's fixpoint took is counted per
 * fixpoint run (a unit, or another source unit summarised for it) and printed to stderr when
 * javac's JVM exits, as a histogram per analysis. The passes are the evidence for the claim that
 * the analyses are near-linear: each pass is one walk of the unit, and only recursion needs a
 * second. Off by default: then it costs one static boolean test per unit.
 */
final class FixpointStats {
  static final boolean ENABLED = Boolean.getBoolean("percpu.errorprone.timing");

  /** The analyses that iterate to a fixpoint. */
  enum Analysis {
    NESTING,
    MAPS,
    BLOCKING
  }

  /** Units per analysis and pass count, {@code [analysis * (MAX + 1) + passes]}. */
  private static final int MAX = 8;

  private static final AtomicLongArray UNITS =
      new AtomicLongArray(Analysis.values().length * (MAX + 1));

  static {
    if (ENABLED) {
      Runtime.getRuntime().addShutdownHook(new Thread(FixpointStats::print));
    }
  }

  private FixpointStats() {}

  /** Records that {@code analysis} took {@code passes} passes (1 to 8) over one unit. */
  static void record(Analysis analysis, int passes) {
    if (ENABLED) {
      UNITS.incrementAndGet(analysis.ordinal() * (MAX + 1) + Math.min(passes, MAX));
    }
  }

  private static void print() {
    for (Analysis a : Analysis.values()) {
      StringBuilder line = new StringBuilder("percpu-errorprone fixpoint passes, ");
      line.append(a.name().toLowerCase(Locale.ROOT)).append(':');
      long units = 0;
      for (int p = 1; p <= MAX; p++) {
        long n = UNITS.get(a.ordinal() * (MAX + 1) + p);
        if (n > 0) {
          line.append(' ').append(n).append(n == 1 ? " unit in " : " units in ").append(p);
          line.append(p == 1 ? " pass;" : " passes;");
          units += n;
        }
      }
      if (units > 0) {
        System.err.println(line.substring(0, line.length() - 1));
      }
    }
  }
}
