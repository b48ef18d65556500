package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosureLiteralTest {

  /** Whether the argument of each {@code take(...)} call in {@code body} is a closure, in order. */
  private static List<Boolean> closures(String body) {
    String source =
        "package test;\nclass Closures {\n  static void take(Runnable r) {}\n  void run(Runnable r) { "
            + body
            + " }\n}\n";
    Elements elements = Elements.compile(Map.of("test.Closures", source));
    return elements.takeArguments("test.Closures", ClosureLiteral::isClosure);
  }

  @Test
  void lambdaMethodReferenceAndAnonymousClass_areClosures() {
    assertEquals(
        List.of(true, true, true),
        closures(
            "take(() -> {}); take(this::hashCode); take(new Runnable() { public void run() {} });"));
  }

  @Test
  void parenthesizedLambda_isClosure() {
    assertEquals(List.of(true), closures("take(((() -> {})));"));
  }

  @Test
  void variableInstanceAndNull_areNotClosures() {
    assertEquals(
        List.of(false, false, false), closures("take(r); take(new Thread()); take(null);"));
    assertFalse(ClosureLiteral.isClosure(null));
  }
}
