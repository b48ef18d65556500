package dev.percpu.lint.compile;

import dev.percpu.lint.report.SourcePosition;
import java.util.Arrays;

/**
 * Turns a character offset of a source file into a 1-based line and column, the way javac counts
 * them (columns in chars, a tab is one column), for the end of a diagnostic's range, which javac
 * gives only as an offset.
 */
final class LineMap {
  private final int[] lineStarts;
  private final int length;

  LineMap(CharSequence content) {
    int[] starts = new int[64];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      boolean lineBreak =
          c == '\n' || (c == '\r' && (i + 1 == content.length() || content.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = content.length();
  }

  SourcePosition position(long offset) {
    int clamped = (int) Math.max(0, Math.min(offset, length));
    int index = Arrays.binarySearch(lineStarts, clamped);
    int line = index >= 0 ? index : -index - 2;
    return new SourcePosition(line + 1, clamped - lineStarts[line] + 1L);
  }
}
