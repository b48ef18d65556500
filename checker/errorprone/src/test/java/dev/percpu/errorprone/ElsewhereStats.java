package dev.percpu.errorprone;

import dev.percpu.PerCpu;

/**
 * A helper the checks see only as a class file (it is compiled with the tests, not with their
 * inputs), for cases about methods compiled elsewhere: a source file compiled with the input would
 * be read by its body instead.
 */
public final class ElsewhereStats {
  private ElsewhereStats() {}

  /** Enters {@code h}, without declaring it. */
  public static void bump(PerCpu<long[]> h) {
    h.with(v -> v[0]++);
  }
}
