package dev.percpu.lint.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a finished lint run in one output format. */
public interface ReportWriter {
  void write(Summary summary, Writer out) throws IOException;
}
