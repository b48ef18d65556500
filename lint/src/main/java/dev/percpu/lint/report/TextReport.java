package dev.percpu.lint.report;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code FILE:LINE:COL: SEVERITY [CheckName] message}, one finding per line, then the summary line.
 *
 * <p>A multi-line message (the Checker Framework's found/required explanations) continues on lines
 * indented by four spaces, so that the first line of each finding still matches the pattern above.
 */
public final class TextReport implements ReportWriter {
  @Override
  public void write(Summary summary, Writer out) throws IOException {
    for (Finding f : summary.findings()) {
      out.write(
          f.file()
              + ":"
              + f.start().line()
              + ":"
              + f.start().column()
              + ": "
              + f.severity().name()
              + " ["
              + f.check()
              + "] "
              + f.message().strip().replace("\n", "\n    ")
              + "\n");
    }
    out.write(summary.line() + "\n");
  }
}
