package dev.percpu.lint.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.percpu.lint.report.SourcePosition;
import org.junit.jupiter.api.Test;

class LineMapTest {
  @Test
  void offsets_mapToOneBasedLineAndColumn() {
    LineMap map = new LineMap("ab\ncd\n");
    assertEquals(new SourcePosition(1, 1), map.position(0));
    assertEquals(new SourcePosition(1, 3), map.position(2));
    assertEquals(new SourcePosition(2, 1), map.position(3));
    assertEquals(new SourcePosition(2, 2), map.position(4));
  }

  @Test
  void crlfAndLoneCr_eachEndOneLine() {
    LineMap map = new LineMap("a\r\nb\rc");
    assertEquals(new SourcePosition(2, 1), map.position(3));
    assertEquals(new SourcePosition(3, 1), map.position(5));
  }

  @Test
  void tab_countsAsOneColumnAsJavacCountsIt() {
    assertEquals(new SourcePosition(1, 3), new LineMap("\tx").position(2));
  }

  @Test
  void offsetPastTheEnd_isClampedToTheEnd() {
    assertEquals(new SourcePosition(2, 2), new LineMap("ab\nc").position(99));
  }
}
