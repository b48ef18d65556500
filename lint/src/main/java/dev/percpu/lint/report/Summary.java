package dev.percpu.lint.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts behind the report's last line and the exit status.
 *
 * @param filesChecked how many {@code .java} files were compiled
 * @param toolsRun the checkers that ran, in the order they ran
 * @param findings merged: a verdict both checkers reported is one finding, counted once in the
 *     totals and once for each checker in the per-checker counts
 */
public record Summary(int filesChecked, Set<Tool> toolsRun, List<Finding> findings) {

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /**
   * For example {@code percpu-lint: 3 files, 2 errors, 1 warning (Error Prone: 1 error; Checker
   * Framework: 1 error, 1 warning)}.
   */
  public String line() {
    StringBuilder line = new StringBuilder("percpu-lint: ");
    line.append(plural(filesChecked, "file")).append(", ");
    line.append(counts(findings));
    Map<Tool, List<Finding>> byTool = new EnumMap<>(Tool.class);
    for (Tool tool : toolsRun) {
      byTool.put(tool, findings.stream().filter(f -> f.reportedBy(tool)).toList());
    }
    StringBuilder perTool = new StringBuilder();
    byTool.forEach(
        (tool, own) -> {
          if (perTool.length() > 0) {
            perTool.append("; ");
          }
          perTool.append(tool.displayName()).append(": ").append(counts(own));
        });
    if (perTool.length() > 0) {
      line.append(" (").append(perTool).append(')');
    }
    return line.toString();
  }

  private static String counts(List<Finding> findings) {
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
