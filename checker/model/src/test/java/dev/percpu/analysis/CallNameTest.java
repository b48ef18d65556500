package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

class CallNameTest {

  private static final Elements ELEMENTS =
      Elements.compile(
          "test.Shards",
          """
          package test;
          public class Shards {
            public Shards(int n) {}
            void update(Runnable r) {}
          }
          """);

  @Test
  void method_isNamedWithEmptyParentheses() {
    assertEquals("update()", CallName.of(ELEMENTS.method("test.Shards", "update")));
  }

  @Test
  void constructor_isNamedAsNewOfItsClass() {
    ExecutableElement ctor =
        ElementFilter.constructorsIn(ELEMENTS.type("test.Shards").getEnclosedElements()).get(0);
    assertEquals("new Shards()", CallName.of(ctor));
  }
}
