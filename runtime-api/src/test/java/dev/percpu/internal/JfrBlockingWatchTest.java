package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which blocking events the detection attributes to the program. The CI run that found the first
 * two cases: a pinned thread's unpin signalled a waiter, and resolving a method type on the way
 * took the JVM's {@code ReferenceQueue} lock for a millisecond, reported as the program's blocking.
 */
class JfrBlockingWatchTest {
  @Test
  void slotHandOver_isNotTheProgramsBlocking() {
    assertTrue(JfrBlockingWatch.notTheProgramsFrame(SlotTable.class.getName(), "signal"));
  }

  @Test
  void linkageUpcall_isNotTheProgramsBlocking() {
    assertTrue(
        JfrBlockingWatch.notTheProgramsFrame(
            "java.lang.invoke.MethodHandleNatives", "findMethodHandleType"));
  }

  @Test
  void classLoading_isNotTheProgramsBlocking() {
    assertTrue(JfrBlockingWatch.notTheProgramsFrame("java.lang.ClassLoader", "loadClass"));
    assertTrue(
        JfrBlockingWatch.notTheProgramsFrame(
            "jdk.internal.loader.BuiltinClassLoader", "loadClass"));
  }

  @Test
  void detectionsOwnSync_isNotTheProgramsBlocking() {
    assertTrue(JfrBlockingWatch.notTheProgramsFrame(BlockingDetection.class.getName(), "sync"));
  }

  @Test
  void libraryWaits_areTheProgramsBlocking() {
    assertFalse(JfrBlockingWatch.notTheProgramsFrame("java.lang.Thread", "sleep"));
    assertFalse(JfrBlockingWatch.notTheProgramsFrame("java.lang.ref.ReferenceQueue", "poll"));
    assertFalse(
        JfrBlockingWatch.notTheProgramsFrame("java.util.concurrent.locks.LockSupport", "park"));
    assertFalse(JfrBlockingWatch.notTheProgramsFrame("com.example.Loader", "loadClass"));
    assertFalse(JfrBlockingWatch.notTheProgramsFrame(Pins.class.getName(), "pin"));
  }
}
