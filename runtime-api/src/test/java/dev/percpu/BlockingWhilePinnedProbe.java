package dev.percpu;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Run by {@link BlockingWhilePinnedTest} in a JVM of its own (the watch is JFR, global to the JVM):
 * blocks in each way the watch knows, inside and outside pins, and prints, per scenario, {@code
 * SCENARIO name -> [kind:jdk.Event, ...]} for the violations recorded after {@link
 * PerCpuAssertions#flushBlockingDetection()}, then the first message in full.
 */
public final class BlockingWhilePinnedProbe {
  private static final Pattern EVENT = Pattern.compile("\\((jdk\\.\\w+)\\)");
  private static final Object MONITOR = new Object();
  private static String firstSleepMessage;

  private BlockingWhilePinnedProbe() {}

  interface Scenario {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    PerCpuAssertions.setEnabled(true);
    System.out.println("detection=" + PerCpuAssertions.flushBlockingDetection());
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    Path file = Files.createTempFile("percpu-probe", ".bin");
    Files.write(file, new byte[] {1, 2, 3});

    scenario("sleepInAGuardBlock", BlockingWhilePinnedProbe::sleepInAGuardBlock);
    scenario("parkInWith", () -> values.with(v -> LockSupport.parkNanos(1_000)));
    scenario(
        "monitorWaitInApply",
        () ->
            values.apply(
                v -> {
                  synchronized (MONITOR) {
                    try {
                      MONITOR.wait(1);
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  return v;
                }));
    scenario("contendedMonitorEnter", BlockingWhilePinnedProbe::contendedMonitorEnter);
    scenario(
        "fileRead",
        () -> {
          try (CpuGuard guard = CpuGuard.pin();
              InputStream in = new FileInputStream(file.toFile())) {
            in.read();
          }
        });
    scenario("socketRead", BlockingWhilePinnedProbe::socketRead);
    scenario(
        "nestedPins",
        () -> {
          try (CpuGuard outer = CpuGuard.pin();
              CpuGuard inner = CpuGuard.pin()) {
            Thread.sleep(1);
          }
        });
    scenario("unpinnedSleep", () -> Thread.sleep(1));
    scenario(
        "sleepBeforeAndAfterAPin",
        () -> {
          Thread.sleep(1);
          values.with(v -> v[0]++);
          Thread.sleep(1);
        });
    scenario("otherThreadSleepsWhileThisOneIsPinned", () -> otherThreadSleeps(values));
    scenario(
        "assertionModeOff",
        () -> {
          PerCpuAssertions.setEnabled(false);
          try (CpuGuard guard = CpuGuard.pin()) {
            Thread.sleep(1);
          } finally {
            PerCpuAssertions.setEnabled(true);
          }
        });
    System.out.println("BEGIN MESSAGE");
    System.out.println(firstSleepMessage);
    System.out.println("END MESSAGE");
    Files.delete(file);
  }

  private static void sleepInAGuardBlock() throws InterruptedException {
    try (CpuGuard guard = CpuGuard.pin()) {
      Thread.sleep(1);
    }
  }

  /** Another thread holds the monitor until this one, pinned, is blocked entering it. */
  private static void contendedMonitorEnter() throws InterruptedException {
    Thread self = Thread.currentThread();
    CountDownLatch held = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              synchronized (MONITOR) {
                held.countDown();
                while (self.getState() != Thread.State.BLOCKED) {
                  Thread.onSpinWait();
                }
              }
            },
            "monitor-holder");
    holder.start();
    held.await();
    try (CpuGuard guard = CpuGuard.pin()) {
      synchronized (MONITOR) {
        MONITOR.notifyAll();
      }
    }
    holder.join();
  }

  private static void socketRead() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      OutputStream out = accepted.getOutputStream();
      out.write(7);
      out.flush();
      InputStream in = client.getInputStream();
      try (CpuGuard guard = CpuGuard.pin()) {
        in.read();
      }
    }
  }

  /** This thread stays pinned (spinning, not blocking) while another, unpinned, sleeps. */
  private static void otherThreadSleeps(PerCpu<long[]> values) throws InterruptedException {
    Thread sleeper =
        new Thread(
            () -> {
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "unpinned-sleeper");
    try (CpuGuard guard = CpuGuard.pin()) {
      sleeper.start();
      while (sleeper.getState() != Thread.State.TERMINATED) {
        Thread.onSpinWait();
      }
    }
    sleeper.join();
  }

  private static void scenario(String name, Scenario scenario) throws Exception {
    long mark = PerCpuAssertions.checkpoint();
    scenario.run();
    boolean running = PerCpuAssertions.flushBlockingDetection();
    List<PerCpuViolation> seen = PerCpuAssertions.violationsSince(mark);
    if (firstSleepMessage == null && !seen.isEmpty()) {
      firstSleepMessage = seen.get(0).toString();
    }
    System.out.println(
        "SCENARIO "
            + name
            + (running ? "" : " (detection not running)")
            + " -> "
            + seen.stream().map(BlockingWhilePinnedProbe::describe).collect(Collectors.toList()));
  }

  private static String describe(PerCpuViolation v) {
    Matcher m = EVENT.matcher(v.message());
    return v.kind() + ":" + (m.find() ? m.group(1) : "?") + "@" + v.thread();
  }
}
