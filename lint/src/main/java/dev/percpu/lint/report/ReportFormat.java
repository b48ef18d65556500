package dev.percpu.lint.report;

import java.nio.file.Path;
import java.util.Locale;

/** The formats {@code --format} accepts. */
public enum ReportFormat {
  TEXT,
  JSON,
  SARIF;

  /** The format named {@code name} (case-insensitive), or {@code null}. */
  public static ReportFormat byName(String name) {
    for (ReportFormat format : values()) {
      if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
        return format;
      }
    }
    return null;
  }

  /**
   * @param workingDirectory what relative SARIF artifact URIs are relative to
   */
  public ReportWriter writer(DocsLinks docs, Path workingDirectory) {
    return switch (this) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case SARIF -> new SarifReport(docs, workingDirectory);
    };
  }
}
