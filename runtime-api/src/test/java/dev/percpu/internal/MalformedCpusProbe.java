package dev.percpu.internal;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;

/**
 * Run by {@link CpusTest} in a JVM of its own with a malformed {@code -Dpercpu.cpus}: prints what
 * each first and later use of the runtime throws, one line each.
 */
public final class MalformedCpusProbe {
  private MalformedCpusProbe() {}

  public static void main(String[] args) {
    report(() -> CpuGuard.pin().close());
    report(() -> CpuGuard.pin().close());
    report(() -> PerCpu.allocate(() -> new long[1]));
    report(CpuGuard::possibleCpus);
    report(PerCpuCounter::allocate);
  }

  private static void report(Runnable use) {
    try {
      use.run();
      System.out.println("no exception");
    } catch (Throwable t) {
      System.out.println(t.getClass().getName() + ": " + t.getMessage());
    }
  }
}
