package dev.percpu.errorprone;

import java.util.ArrayList;
import java.util.List;

/** Test inputs: a class body wrapped with the imports every case uses. */
final class Sources {
  private Sources() {}

  static String[] inClass(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("import dev.percpu.*;");
    lines.add("import dev.percpu.qual.*;");
    lines.add("import java.util.*;");
    lines.add("import java.util.concurrent.*;");
    lines.add("import java.util.function.*;");
    lines.add("class Test {");
    lines.addAll(List.of(body));
    lines.add("}");
    return lines.toArray(new String[0]);
  }
}
