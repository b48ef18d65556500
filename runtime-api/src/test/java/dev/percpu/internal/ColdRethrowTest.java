package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The cold failure path rethrows exactly what it was given: neither wrapped nor replaced. */
class ColdRethrowTest {

  @Test
  void rethrow_throwsTheSameError() {
    OutOfMemoryError error = new OutOfMemoryError("token");
    assertSame(error, assertThrows(OutOfMemoryError.class, () -> ColdRethrow.rethrow(error)));
  }

  @Test
  void rethrow_throwsACheckedExceptionUnwrapped() {
    IOException checked = new IOException("checked");
    assertSame(checked, assertThrows(IOException.class, () -> ColdRethrow.rethrow(checked)));
  }
}
