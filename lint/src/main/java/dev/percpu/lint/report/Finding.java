package dev.percpu.lint.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One diagnostic, located in a source file, as reported by one checker or, when both found the same
 * thing at the same place, by both (see {@link Findings#merge}).
 *
 * @param file the file as shown to the user: relative to the working directory when it lies below
 *     it, with {@code /} separators, otherwise absolute
 * @param start where javac places the diagnostic
 * @param end where the flagged code ends (exclusive); equal to {@code start} when javac gives no
 *     range
 * @param check the name to suppress it by: an Error Prone check name such as {@code
 *     PerCpuNestedAccess}, or {@code percpu:<key>} for a Checker Framework message key
 * @param tool the checker whose wording is shown (Error Prone when both reported it)
 * @param docs the page describing {@code check}, when there is one to link to (see {@link
 *     DocsLinks})
 * @param alsoReportedBy the other checker's report of the same verdict at the same place, if any
 */
public record Finding(
    String file,
    SourcePosition start,
    SourcePosition end,
    Severity severity,
    String check,
    String message,
    Tool tool,
    Optional<String> docs,
    List<Also> alsoReportedBy) {

  /** The same verdict as reported by another checker: its own name for it, wording and page. */
  public record Also(Tool tool, String check, String message, Optional<String> docs) {}

  public Finding {
    alsoReportedBy = List.copyOf(alsoReportedBy);
  }

  /** A finding of one checker alone. */
  public Finding(
      String file,
      SourcePosition start,
      SourcePosition end,
      Severity severity,
      String check,
      String message,
      Tool tool,
      Optional<String> docs) {
    this(file, start, end, severity, check, message, tool, docs, List.of());
  }

  /** Whether {@code t} reported this finding, alone or together with the other checker. */
  public boolean reportedBy(Tool t) {
    return tool == t || alsoReportedBy.stream().anyMatch(a -> a.tool() == t);
  }

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
