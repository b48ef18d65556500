package dev.percpu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuAssertions;
import dev.percpu.PerCpuNestingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Runs small test classes through the JUnit engine and checks what the extension made of them. */
@Timeout(60)
class PerCpuAssertionsExtensionTest {

  static final CountDownLatch RELEASE_LEAKED_PIN = new CountDownLatch(1);
  static volatile Holder TWIN;
  static volatile Holder laterTwin;

  /** A thread that pins on start and unpins when closed. */
  static final class Holder implements AutoCloseable {
    private final CountDownLatch pinned = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    Holder(String name) {
      thread =
          new Thread(
              () -> {
                try (CpuGuard guard = CpuGuard.pin()) {
                  pinned.countDown();
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              name);
      thread.setDaemon(true);
      thread.start();
    }

    void awaitPinned() throws InterruptedException {
      pinned.await();
    }

    @Override
    public void close() throws InterruptedException {
      release.countDown();
      thread.join();
    }
  }

  static volatile Thread leakingThread;

  /** The tests the extension judges; run only through the engine test kit, never directly. */
  @EnablePerCpuAssertions
  static class Judged {
    @Test
    void clean() {
      PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
      values.with(v -> v[0]++);
      try (CpuGuard guard = CpuGuard.pin()) {
        values.get(guard).with(v -> v[0]++);
      }
    }

    @Test
    void runsInAssertionMode() {
      assertTrue(PerCpuAssertions.isEnabled());
    }

    @Test
    void swallowsANesting() {
      PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
      values.with(
          outer -> {
            try {
              values.clone().with(inner -> inner[0]++);
            } catch (PerCpuNestingException swallowed) {
              // the code under test hides the problem
            }
          });
    }

    @Test
    void misusesAGuardOnAnotherThreadAndAlsoNests() throws InterruptedException {
      CpuGuard guard = CpuGuard.pin();
      Thread other =
          new Thread(
              () -> {
                try {
                  guard.close();
                } catch (IllegalStateException swallowed) {
                  // hidden on a background thread
                }
              },
              "background");
      other.start();
      // A spin, not join(): joining while pinned is blocking while pinned, a violation of its own
      // (see blocksWhilePinned).
      while (other.isAlive()) {
        Thread.onSpinWait();
      }
      guard.close();
      PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
      try {
        values.with(outer -> values.with(inner -> {}));
      } catch (PerCpuNestingException swallowed) {
        // hidden again
      }
    }

    @Test
    void leavesASlotPinned() throws InterruptedException {
      CountDownLatch pinned = new CountDownLatch(1);
      Thread leaking =
          new Thread(
              () -> {
                try (CpuGuard guard = CpuGuard.pin()) {
                  pinned.countDown();
                  RELEASE_LEAKED_PIN.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "leaking");
      leakingThread = leaking;
      leaking.setDaemon(true);
      leaking.start();
      pinned.await();
    }

    @Test
    void replacesAPinByAThreadOfTheSameName() throws InterruptedException {
      TWIN.close(); // the one slot that was free for the test's taking is now this one
      Holder newTwin = new Holder("twin"); // a different thread, the same name
      newTwin.awaitPinned();
      laterTwin = newTwin;
    }

    @Test
    void blocksWhilePinned() throws InterruptedException {
      try (CpuGuard guard = CpuGuard.pin()) {
        Thread.sleep(1);
      }
    }

    @Test
    void failsByItself() {
      throw new IllegalArgumentException("the test's own failure");
    }
  }

  /** No annotation: judged only when auto-detection registers the extension. */
  static class NotAnnotated {
    @Test
    void swallowsANesting() {
      new Judged().swallowsANesting();
    }
  }

  @AfterEach
  void assertionModeIsRestored() {
    assertFalse(PerCpuAssertions.isEnabled());
  }

  private static Events run(String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(Judged.class, method))
        .execute()
        .testEvents();
  }

  private static Throwable failureOf(Events events) {
    List<Event> failed = events.failed().stream().collect(Collectors.toList());
    assertEquals(1, failed.size(), "exactly one failed test");
    return failed
        .get(0)
        .getPayload(TestExecutionResult.class)
        .orElseThrow()
        .getThrowable()
        .orElseThrow();
  }

  @Test
  void aCleanTest_passes() {
    Events events = run("clean");
    assertEquals(1, events.succeeded().count());
    assertEquals(0, events.failed().count());
  }

  @Test
  void theTestRunsInAssertionMode_andTheModeIsRestoredAfterwards() {
    assertEquals(1, run("runsInAssertionMode").succeeded().count());
  }

  @Test
  void aNestingTheTestSwallowed_failsItWithTheViolation() {
    Throwable failure = failureOf(run("swallowsANesting"));
    assertInstanceOf(AssertionFailedError.class, failure);
    String message = failure.getMessage();
    assertTrue(message.startsWith("percpu assertions failed in swallowsANesting():"), message);
    assertTrue(message.contains("1 violation(s), on any thread:"), message);
    assertTrue(
        message.contains("NESTED_ENTRY on thread \"" + Thread.currentThread().getName() + "\""),
        message);
    assertTrue(
        message.contains(
            "outer entry began at dev.percpu.junit.PerCpuAssertionsExtensionTest$Judged"),
        message);
  }

  @Test
  void everyViolation_onAnyThread_isListed() {
    String message = failureOf(run("misusesAGuardOnAnotherThreadAndAlsoNests")).getMessage();
    assertTrue(message.contains("2 violation(s)"), message);
    assertTrue(message.contains("GUARD_MISUSE on thread \"background\""), message);
    assertTrue(message.contains("NESTED_ENTRY on thread"), message);
  }

  @Test
  void aSlotLeftPinned_failsTheTestNamingTheThreadAndWhereItPinned() throws InterruptedException {
    try {
      String message = failureOf(run("leavesASlotPinned")).getMessage();
      assertTrue(message.contains("1 CPU slot(s) still pinned at the end of the test:"), message);
      assertTrue(
          message.contains("is pinned by thread \"leaking\", pinned at dev.percpu.junit."),
          message);
    } finally {
      RELEASE_LEAKED_PIN.countDown();
      leakingThread.join();
    }
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void blockingWhilePinned_failsTheTestWithTheBlockingStackAndWhereThePinBegan() {
    String message = failureOf(run("blocksWhilePinned")).getMessage();
    assertTrue(message.contains("1 violation(s), on any thread:"), message);
    assertTrue(
        message.contains(
            "BLOCKED_WHILE_PINNED on thread \"main\": thread \"main\" blocked while pinned to CPU"),
        message);
    assertTrue(message.contains("(jdk.ThreadSleep)"), message);
    assertTrue(
        message.contains(
            "the pin began at dev.percpu.junit.PerCpuAssertionsExtensionTest$Judged.blocksWhilePinned("),
        message);
    // JDK 17's event stack starts at Thread.sleep, JDK 25's at its caller.
    assertTrue(
        message.contains(
            "at dev.percpu.junit.PerCpuAssertionsExtensionTest$Judged.blocksWhilePinned("),
        message);
  }

  @Test
  void aTestThatFailsByItself_keepsItsOwnFailure() {
    Throwable failure = failureOf(run("failsByItself"));
    assertInstanceOf(IllegalArgumentException.class, failure);
  }

  @Test
  void autoDetection_appliesTheExtensionToUnannotatedTests() {
    Events detected =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .selectors(selectClass(NotAnnotated.class))
            .execute()
            .testEvents();
    assertTrue(failureOf(detected).getMessage().contains("NESTED_ENTRY"));

    Events notDetected =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(NotAnnotated.class))
            .execute()
            .testEvents();
    assertEquals(1, notDetected.succeeded().count(), "without auto-detection nothing judges it");
  }

  @Test
  void aNewPinByAnotherThreadOfTheSameNameOnTheSameCpu_isReportedAsLeaked() throws Exception {
    // Every slot is held before the test starts; during it, "twin" lets go of its slot and a new
    // thread also called "twin" takes that very slot (the only free one) and keeps it.
    List<Holder> fillers = new ArrayList<>();
    try {
      TWIN = new Holder("twin");
      TWIN.awaitPinned();
      for (int i = 1; i < CpuGuard.possibleCpus(); i++) {
        Holder filler = new Holder("filler-" + i);
        filler.awaitPinned();
        fillers.add(filler);
      }
      String message = failureOf(run("replacesAPinByAThreadOfTheSameName")).getMessage();
      assertTrue(message.contains("1 CPU slot(s) still pinned at the end of the test:"), message);
      assertTrue(message.contains("is pinned by thread \"twin\""), message);
    } finally {
      TWIN.close();
      if (laterTwin != null) {
        laterTwin.close();
      }
      for (Holder filler : fillers) {
        filler.close();
      }
    }
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }
}
