package dev.percpu.maven;

import static dev.percpu.maven.ReportLog.Level.ERROR;
import static dev.percpu.maven.ReportLog.Level.INFO;
import static dev.percpu.maven.ReportLog.Level.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportLogTest {
  @Test
  void finding_logsAtItsSeverity() {
    assertEquals(
        ERROR, ReportLog.levelOf("src/A.java:7:18: ERROR [PerCpuNestedAccess] Nested entry", INFO));
    assertEquals(
        WARNING,
        ReportLog.levelOf("src/A.java:7:18: WARNING [percpu:possible.nested.entry] maybe", INFO));
    assertEquals(INFO, ReportLog.levelOf("src/A.java:7:18: NOTE [X] note", ERROR));
  }

  @Test
  void indentedLine_continuesTheFindingBefore() {
    assertEquals(ERROR, ReportLog.levelOf("      Did you mean 'outer[0]++;'?", ERROR));
    assertEquals(WARNING, ReportLog.levelOf("  more", WARNING));
  }

  @Test
  void summaryLine_isInfoEvenAfterAnError() {
    assertEquals(INFO, ReportLog.levelOf("percpu-lint: 1 file, 1 error, 0 warnings", ERROR));
    assertEquals(INFO, ReportLog.levelOf("", ERROR));
  }
}
