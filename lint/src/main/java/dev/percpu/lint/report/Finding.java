package dev.percpu.lint.report;

import java.util.Comparator;

/**
 * One diagnostic of one checker, located in a source file.
 *
 * @param file the file as shown to the user: relative to the working directory when it lies below
 *     it, with {@code /} separators, otherwise absolute
 * @param start where javac places the diagnostic
 * @param end where the flagged code ends (exclusive); equal to {@code start} when javac gives no
 *     range
 * @param check the name to suppress it by: an Error Prone check name such as {@code
 *     PerCpuNestedAccess}, or {@code percpu:<key>} for a Checker Framework message key
 */
public record Finding(
    String file,
    SourcePosition start,
    SourcePosition end,
    Severity severity,
    String check,
    String message,
    Tool tool,
    String docs) {

  /**
   * Report order: by file, then position, then tool, so both checkers' views of one line sit
   * together.
   */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingLong(f -> f.start().line())
          .thenComparingLong(f -> f.start().column())
          .thenComparing(Finding::tool)
          .thenComparing(Finding::check)
          .thenComparing(Finding::message);
}
