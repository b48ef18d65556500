package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiversTest {

  /**
   * Whether the argument of each {@code take(...)} call in an inner class is the current object.
   */
  private static List<Boolean> currentObjects(String body) {
    String source =
        "package test;\nclass Outer {\n  int f;\n  class Inner {\n    void take(Object o) {}\n"
            + "    void run(Outer other) { "
            + body
            + " }\n  }\n}\n";
    Elements elements = Elements.compile(Map.of("test.Outer", source));
    return elements.takeArguments("test.Outer", Receivers::isCurrentObject);
  }

  @Test
  void thisOuterThisAndParenthesizedThis_areTheCurrentObject() {
    assertEquals(
        List.of(true, true, true), currentObjects("take(this); take(Outer.this); take(((this)));"));
  }

  @Test
  void anotherObjectAndAFieldOfThis_areNot() {
    assertEquals(
        List.of(false, false, false),
        currentObjects("take(other); take(Outer.this.f); take(new Object());"));
  }

  @Test
  void aNewObjectInAnyParentheses_isANewObject_andNothingElseIs() {
    Elements elements =
        Elements.compile(
            Map.of(
                "test.Outer",
                "package test;\nclass Outer {\n  void take(Object o) {}\n"
                    + "  void run(Outer other) {"
                    + " take(new Outer()); take(((new Object()))); take(this); take(other); }\n}\n"));
    assertEquals(
        List.of(true, true, false, false),
        elements.takeArguments("test.Outer", Receivers::isNewObject));
  }
}
