package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
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
    List<Boolean> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof IdentifierTree id
            && id.getName().contentEquals("take")) {
          out.add(ClosureLiteral.isClosure(node.getArguments().get(0)));
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(elements.unit("test.Closures"), null);
    return out;
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
