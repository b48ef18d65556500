package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stall report on the deadlock of issue 12, in a JVM of its own with one CPU slot (see {@link
 * StallReportProbe}); the probe waits for the log record itself, so no test here depends on time
 * beyond the threshold it sets.
 */
@Timeout(180)
class StallReportTest {
  private static final String ONE_SLOT = "-Dpercpu.cpus=1";
  private static final String SHORT_THRESHOLD = "-Dpercpu.stallReportMillis=100";

  @Test
  void aDeadlockedPin_isReportedWithItsOwnerAndBlockingFrame_andReleasesOnceBroken()
      throws Exception {
    ChildJvm.Result run =
        ChildJvm.run(
            StallReportProbe.class,
            ONE_SLOT,
            SHORT_THRESHOLD,
            "-Dpercpu.assertions=false",
            "-Dpercpu.blockingDetection=false");
    String out = run.output();
    assertEquals(0, run.exitCode(), out);
    String report = report(out);
    assertTrue(report.startsWith("WARNING: percpu stall: thread \"worker\" has waited "), out);
    assertTrue(report.contains("CPU 0: thread \"owner\" (WAITING)"), out);
    assertTrue(report.contains("java.util.concurrent.FutureTask.get("), out);
    assertTrue(report.contains("java.util.concurrent.locks.LockSupport.park("), out);
    assertTrue(report.contains("pinned at an unrecorded place (assertion mode was off)"), out);
    assertReleased(out);
    assertTrue(out.contains("violations=[]"), out);
  }

  @Test
  void inAssertionMode_theStallIsRecorded_theReportSaysWhereThePinBegan_andTheParkIsReported()
      throws Exception {
    ChildJvm.Result run =
        ChildJvm.run(StallReportProbe.class, ONE_SLOT, SHORT_THRESHOLD, "-Dpercpu.assertions=true");
    String out = run.output();
    assertEquals(0, run.exitCode(), out);
    String report = report(out);
    assertTrue(report.contains("CPU 0: thread \"owner\" (WAITING), pinned at"), out);
    assertTrue(report.contains("pinned at dev.percpu.StallReportProbe.lambda$main$"), out);
    assertTrue(report.contains("java.util.concurrent.FutureTask.get("), out);
    assertReleased(out);
    assertTrue(out.contains("detection=true"), out);
    // The stall, then (once the interrupt ended it) the owner's park inside its pin.
    assertTrue(out.contains("violations=[BLOCKED_WHILE_PINNED@owner, SLOT_STALL@worker]"), out);
    assertTrue(out.contains("blockedInGet=true"), out);
  }

  private static void assertReleased(String out) {
    assertTrue(out.contains("owner=interrupted"), out);
    assertTrue(out.contains("terminated=true"), out);
    assertTrue(out.contains("counter=1"), out);
    assertTrue(out.contains("pinnedSlots=[]"), out);
    assertTrue(out.contains("stallReports=1"), out);
  }

  private static String report(String out) {
    Matcher m = Pattern.compile("BEGIN REPORT\n(.*?)\nEND REPORT", Pattern.DOTALL).matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }
}
