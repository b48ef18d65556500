package dev.percpu.maven;

import java.util.regex.Pattern;

/**
 * The level at which a line of the linter's text report goes to the build log: a finding at its
 * severity, the lines that continue it (indented) at the same level, anything else as info.
 *
 * <pre>{@code
 * ReportLog.Level level = ReportLog.Level.INFO;
 * for (String line : report) {
 *   level = ReportLog.levelOf(line, level);
 * }
 * }</pre>
 */
final class ReportLog {
  enum Level {
    ERROR,
    WARNING,
    INFO
  }

  /** {@code FILE:LINE:COL: SEVERITY [CheckName] message}, as the linter prints each finding. */
  private static final Pattern FINDING =
      Pattern.compile("^.+:\\d+:\\d+: (ERROR|WARNING|NOTE) \\[[^\\]]+\\] .*");

  private ReportLog() {}

  /**
   * @param previous the level of the line before, which an indented continuation line keeps
   */
  static Level levelOf(String line, Level previous) {
    var m = FINDING.matcher(line);
    if (m.matches()) {
      return switch (m.group(1)) {
        case "ERROR" -> Level.ERROR;
        case "WARNING" -> Level.WARNING;
        default -> Level.INFO;
      };
    }
    if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
      return previous;
    }
    return Level.INFO;
  }
}
