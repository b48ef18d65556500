package dev.percpu.lint.report;

/**
 * A 1-based line and column in a source file. As an end position the column is exclusive: it is the
 * column of the first character after the flagged code, as SARIF's {@code endColumn} is.
 */
public record SourcePosition(long line, long column) {
  public SourcePosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
    }
  }
}
