package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

class AssertionModeTest {

  /** A {@code ()boolean} handle that throws {@code t}, as a failing switch would. */
  private static MethodHandle throwing(Throwable t) {
    return MethodHandles.throwException(boolean.class, t.getClass()).bindTo(t);
  }

  @Test
  void readingTheSwitch_letsErrorsThroughUnchanged() {
    StackOverflowError overflow = new StackOverflowError();
    assertSame(
        overflow,
        assertThrows(StackOverflowError.class, () -> AssertionMode.read(throwing(overflow))));
    OutOfMemoryError oom = new OutOfMemoryError();
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> AssertionMode.read(throwing(oom))));
  }

  @Test
  void readingTheSwitch_letsRuntimeExceptionsThroughUnchanged() {
    IllegalStateException ise = new IllegalStateException();
    assertSame(
        ise, assertThrows(IllegalStateException.class, () -> AssertionMode.read(throwing(ise))));
  }

  @Test
  void readingTheSwitch_wrapsOnlyACheckedException() {
    Exception checked = new Exception();
    AssertionError e =
        assertThrows(AssertionError.class, () -> AssertionMode.read(throwing(checked)));
    assertSame(checked, e.getCause());
    assertTrue(AssertionMode.read(MethodHandles.constant(boolean.class, true)));
  }
}
