package dev.percpu;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Run by {@link BlockingWhilePinnedTest} in a JVM without {@code jdk.jfr} ({@code
 * --limit-modules}): assertion mode must still work, blocking detection must say once that it
 * cannot run, and nothing may throw.
 */
public final class NoJfrProbe {
  private NoJfrProbe() {}

  public static void main(String[] args) throws Exception {
    List<String> logged = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger("dev.percpu");
    log.setUseParentHandlers(false);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getLevel() + ": " + record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    System.out.println("jfrModule=" + ModuleLayer.boot().findModule("jdk.jfr").isPresent());
    long mark = PerCpuAssertions.checkpoint();
    PerCpuAssertions.setEnabled(true);
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    try (CpuGuard guard = CpuGuard.pin()) {
      Thread.sleep(1);
    }
    try {
      values.with(outer -> values.with(inner -> {}));
    } catch (PerCpuNestingException expected) {
      // recorded below
    }
    System.out.println("flush=" + PerCpuAssertions.flushBlockingDetection());
    System.out.println("flushAgain=" + PerCpuAssertions.flushBlockingDetection());
    System.out.println(
        "violations="
            + PerCpuAssertions.violationsSince(mark).stream()
                .map(PerCpuViolation::kind)
                .collect(Collectors.toList()));
    System.out.println("logged=" + logged);
  }
}
