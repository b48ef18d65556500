package dev.percpu.lint.report;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code FILE:LINE:COL: SEVERITY [CheckName] message}, one finding per line, then the summary line.
 *
 * <p>A multi-line message (the Checker Framework's found/required explanations) continues on lines
 * indented by four spaces, so that the first line of each finding still matches the pattern above.
 *
 * <p>A verdict both checkers reached is one line, in Error Prone's words, ending with {@code (also
 * Checker Framework [percpu:nested.entry])} on its first line: both tools named, either name
 * suppresses it.
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
              + withAlso(f.message().strip(), also(f)).replace("\n", "\n    ")
              + "\n");
    }
    out.write(summary.line() + "\n");
  }

  /** The note goes at the end of the message's first line, which is the one tools grep. */
  private static String withAlso(String message, String also) {
    int newline = message.indexOf('\n');
    return newline < 0
        ? message + also
        : message.substring(0, newline) + also + message.substring(newline);
  }

  private static String also(Finding f) {
    StringBuilder also = new StringBuilder();
    for (Finding.Also a : f.alsoReportedBy()) {
      also.append(also.length() == 0 ? " (also " : "; ")
          .append(a.tool().displayName())
          .append(" [")
          .append(a.check())
          .append("]");
    }
    return also.length() == 0 ? "" : also.append(')').toString();
  }
}
