package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Assertion mode's blocking detection, end to end through JFR, in a JVM of its own ({@link
 * BlockingWhilePinnedProbe}); the build's own test JVM runs with it off ({@code
 * -Dpercpu.blockingDetection=false} in the POM), since JFR is global to a JVM.
 */
@Timeout(180)
class BlockingWhilePinnedTest {
  private static String out;

  @BeforeAll
  static void runProbe() throws Exception {
    ChildJvm.Result run = ChildJvm.run(BlockingWhilePinnedProbe.class, "-Dpercpu.cpus=2");
    out = run.output();
    assertEquals(0, run.exitCode(), out);
  }

  private static void assertScenario(String name, String expected) {
    assertTrue(out.contains("SCENARIO " + name + " -> " + expected + "\n"), out);
  }

  @Test
  void detection_runsWithoutAnyOptionOnTheCommandLine() {
    assertTrue(out.contains("detection=true"), out);
  }

  @Test
  void sleepingInAGuardBlock_isReported() {
    assertScenario("sleepInAGuardBlock", "[BLOCKED_WHILE_PINNED:jdk.ThreadSleep@main]");
  }

  @Test
  void parkingInWith_isReported() {
    assertScenario("parkInWith", "[BLOCKED_WHILE_PINNED:jdk.ThreadPark@main]");
  }

  @Test
  void waitingOnAMonitorInApply_isReported() {
    assertScenario("monitorWaitInApply", "[BLOCKED_WHILE_PINNED:jdk.JavaMonitorWait@main]");
  }

  @Test
  void enteringAContendedMonitor_isReported() {
    assertScenario("contendedMonitorEnter", "[BLOCKED_WHILE_PINNED:jdk.JavaMonitorEnter@main]");
  }

  @Test
  void fileAndSocketReads_areReported() {
    assertScenario("fileRead", "[BLOCKED_WHILE_PINNED:jdk.FileRead@main]");
    assertScenario("socketRead", "[BLOCKED_WHILE_PINNED:jdk.SocketRead@main]");
  }

  @Test
  void aNestedPin_isOnePin() {
    assertScenario("nestedPins", "[BLOCKED_WHILE_PINNED:jdk.ThreadSleep@main]");
  }

  @Test
  void blockingOutsidePins_onAnUnpinnedThread_orWithTheModeOff_isNotReported() {
    assertScenario("unpinnedSleep", "[]");
    assertScenario("sleepBeforeAndAfterAPin", "[]");
    assertScenario("otherThreadSleepsWhileThisOneIsPinned", "[]");
    assertScenario("assertionModeOff", "[]");
  }

  @Test
  void withoutTheJfrModule_assertionModeStillWorks_andSaysOnceThatItCannotDetectBlocking()
      throws Exception {
    ChildJvm.Result run =
        ChildJvm.run(NoJfrProbe.class, "--limit-modules", "java.base,java.logging");
    String probe = run.output();
    assertEquals(0, run.exitCode(), probe);
    assertTrue(probe.contains("jfrModule=false"), probe);
    assertTrue(probe.contains("flush=false\nflushAgain=false\n"), probe);
    assertTrue(probe.contains("violations=[NESTED_ENTRY]"), probe);
    assertTrue(
        probe.contains(
            "logged=[WARNING: percpu assertion mode cannot detect blocking while pinned: module"
                + " jdk.jfr is not in the module graph"),
        probe);
    assertEquals(1, probe.split("cannot detect blocking", -1).length - 1, probe);
  }

  @Test
  void theMessage_hasTheBlockingStackAndWhereThePinBegan() {
    Matcher m = Pattern.compile("BEGIN MESSAGE\n(.*?)\nEND MESSAGE", Pattern.DOTALL).matcher(out);
    assertTrue(m.find(), out);
    String message = m.group(1);
    assertTrue(
        message.startsWith(
            "BLOCKED_WHILE_PINNED on thread \"main\": thread \"main\" blocked while pinned to CPU "),
        message);
    assertTrue(message.contains("Java Thread Sleep (jdk.ThreadSleep)"), message);
    assertTrue(
        message.contains(
            "the pin began at dev.percpu.BlockingWhilePinnedProbe.sleepInAGuardBlock("
                + "BlockingWhilePinnedProbe.java:"),
        message);
    // The blocking frame: JDK 17's event starts at Thread.sleep, JDK 25's at its caller.
    assertTrue(
        message.contains("\n  at dev.percpu.BlockingWhilePinnedProbe.sleepInAGuardBlock(line "),
        message);
  }
}
