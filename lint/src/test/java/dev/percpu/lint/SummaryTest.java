package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.Severity;
import dev.percpu.lint.report.SourcePosition;
import dev.percpu.lint.report.Summary;
import dev.percpu.lint.report.Tool;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static Finding finding(Tool tool, Severity severity) {
    SourcePosition at = new SourcePosition(1, 1);
    return new Finding(
        "A.java", at, at, severity, "X", "m", tool, Optional.of("https://example.org/"));
  }

  @Test
  void line_countsPerToolWithSingularAndPlural() {
    Summary summary =
        new Summary(
            1,
            new LinkedHashSet<>(List.of(Tool.ERROR_PRONE, Tool.CHECKER_FRAMEWORK)),
            List.of(
                finding(Tool.ERROR_PRONE, Severity.ERROR),
                finding(Tool.ERROR_PRONE, Severity.WARNING),
                finding(Tool.CHECKER_FRAMEWORK, Severity.ERROR)));
    assertEquals(
        "percpu-lint: 1 file, 2 errors, 1 warning"
            + " (Error Prone: 1 error, 1 warning; Checker Framework: 1 error, 0 warnings)",
        summary.line());
    assertTrue(summary.hasErrors());
  }

  @Test
  void warningsAndNotesAlone_areNotErrors() {
    Summary summary =
        new Summary(
            3,
            EnumSet.of(Tool.ERROR_PRONE),
            List.of(
                finding(Tool.ERROR_PRONE, Severity.WARNING),
                finding(Tool.ERROR_PRONE, Severity.NOTE)));
    assertFalse(summary.hasErrors());
  }
}
