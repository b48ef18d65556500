package dev.percpu;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Run by {@link StallReportTest} in a JVM with one CPU slot: builds the deadlock of issue 12 (a
 * pinned thread waits on a {@code Future} whose task needs a pin), waits for the stall report in
 * the log, breaks the deadlock by interrupting the owner, and prints what happened as {@code key=
 * value} lines and the report between {@code BEGIN REPORT} and {@code END REPORT}.
 */
public final class StallReportProbe {
  private static final List<String> STALLS = new CopyOnWriteArrayList<>();
  private static final CountDownLatch REPORTED = new CountDownLatch(1);
  private static volatile Future<?> task;
  private static volatile String ownerOutcome = "none";

  private StallReportProbe() {}

  public static void main(String[] args) throws Exception {
    Logger log = Logger.getLogger("dev.percpu");
    log.setUseParentHandlers(false);
    log.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getMessage().startsWith("percpu stall")) {
              STALLS.add(record.getLevel() + ": " + record.getMessage());
              REPORTED.countDown();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    long mark = PerCpuAssertions.checkpoint();
    PerCpu<long[]> counter = PerCpu.allocate(() -> new long[1]);
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    Thread owner =
        new Thread(
            () ->
                counter.with(
                    v -> {
                      Thread self = Thread.currentThread();
                      task =
                          pool.submit(
                              () -> {
                                // Ask for the slot only once the owner is parked in get(), so
                                // that the report finds it there (a state poll, not a sleep).
                                while (self.getState() != Thread.State.WAITING) {
                                  Thread.onSpinWait();
                                }
                                counter.with(w -> w[0]++);
                              });
                      // No printing in here: writing to stdout while pinned is blocking I/O too.
                      try {
                        task.get();
                        ownerOutcome = "completed";
                      } catch (InterruptedException e) {
                        ownerOutcome = "interrupted";
                      } catch (Exception e) {
                        ownerOutcome = e.toString();
                      }
                    }),
            "owner");
    owner.start();
    REPORTED.await();
    System.out.println("BEGIN REPORT");
    System.out.println(STALLS.get(0));
    System.out.println("END REPORT");
    // Break the deadlock: the owner leaves get(), its closure returns and it unpins.
    owner.interrupt();
    owner.join();
    System.out.println("owner=" + ownerOutcome);
    task.get();
    pool.shutdown();
    System.out.println("terminated=" + pool.awaitTermination(1, TimeUnit.MINUTES));
    System.out.println("counter=" + counter.apply(v -> v[0]));
    System.out.println("pinnedSlots=" + PerCpuAssertions.pinnedSlots());
    System.out.println("stallReports=" + STALLS.size());
    System.out.println("detection=" + PerCpuAssertions.flushBlockingDetection());
    List<PerCpuViolation> violations = PerCpuAssertions.violationsSince(mark);
    // A set: the owner may also have parked briefly inside submit() (the queue's lock), which is
    // blocking while pinned as much as get() is.
    System.out.println(
        "violations="
            + violations.stream()
                .map(v -> v.kind() + "@" + v.thread())
                .collect(Collectors.toCollection(TreeSet::new)));
    System.out.println(
        "blockedInGet="
            + violations.stream()
                .anyMatch(
                    v ->
                        v.kind() == PerCpuViolation.Kind.BLOCKED_WHILE_PINNED
                            && v.message().contains("java.util.concurrent.FutureTask.get(")
                            && v.message()
                                .contains("the pin began at dev.percpu.StallReportProbe")));
    for (PerCpuViolation v : violations) {
      System.out.println("VIOLATION " + v);
    }
  }
}
