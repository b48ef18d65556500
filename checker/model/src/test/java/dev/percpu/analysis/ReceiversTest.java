package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
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
    List<Boolean> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node.getMethodSelect() instanceof IdentifierTree id
            && id.getName().contentEquals("take")) {
          out.add(Receivers.isCurrentObject(node.getArguments().get(0)));
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(elements.unit("test.Outer"), null);
    return out;
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
}
