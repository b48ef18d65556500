package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

class TypeArgumentsTest {

  private static final String SOURCE =
      """
      package test;
      import java.util.List;
      class Handles<T> {
        List<List<String>> strings;
        List<List<String>> strings2;
        List<List<Integer>> integers;
        List<List<T>> open;
        List<List<?>> wildcard;
        List<String[]> stringArrays;
        List<T[]> openArrays;
        List<int[]> ints;
      }
      """;

  private static TypeMirror arg(Elements e, String field) {
    TypeElement c = e.task.getElements().getTypeElement("test.Handles");
    for (VariableElement v : ElementFilter.fieldsIn(c.getEnclosedElements())) {
      if (v.getKind() == ElementKind.FIELD && v.getSimpleName().contentEquals(field)) {
        return ((DeclaredType) v.asType()).getTypeArguments().get(0);
      }
    }
    throw new AssertionError("no field " + field);
  }

  private static List<Boolean> mayBeSame(String... pairs) {
    Elements e = Elements.compile(Map.of("test.Handles", SOURCE));
    Boolean[] out = new Boolean[pairs.length / 2];
    for (int i = 0; i < pairs.length; i += 2) {
      out[i / 2] = TypeArguments.mayBeSame(arg(e, pairs[i]), arg(e, pairs[i + 1]), e.types);
    }
    return List.of(out);
  }

  @Test
  void differentConcreteArguments_comparedInFull_areDistinct() {
    assertEquals(
        List.of(false, true, false),
        mayBeSame("strings", "integers", "strings", "strings2", "stringArrays", "ints"));
  }

  @Test
  void typeVariablesWildcardsAndUnknowns_mayBeAnything() {
    assertEquals(
        List.of(true, true, true),
        mayBeSame("strings", "open", "integers", "wildcard", "stringArrays", "openArrays"));
    assertEquals(true, TypeArguments.mayBeSame(null, null, null));
  }
}
