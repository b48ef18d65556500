package dev.percpu.lint.cli;

import dev.percpu.lint.report.ReportFormat;
import java.nio.file.Path;

/**
 * One {@code --report FORMAT=FILE}: a report written to a file in addition to the main one, so that
 * one run (one compilation per checker) yields, say, SARIF for code scanning and text for people.
 */
public record ReportFile(ReportFormat format, Path file) {}
