package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantStringsTest {

  @Test
  void symbolNames_foldAsJavacFoldsConstants() {
    Elements elements =
        Elements.compile(
            Map.of(
                "test.Names",
                "package test; public class Names { public static final String BASE = \"app\"; }",
                "test.Uses",
                String.join(
                    "\n",
                    "package test;",
                    "class Uses {",
                    "  static final String LOCAL = Names.BASE + \".local\";",
                    "  static final int TWO = 2;",
                    "  static final boolean ON = true;",
                    "  String notConstant = \"x\";",
                    "  void take(Object o) {}",
                    "  void run(String parameter) {",
                    "    take(Names.BASE + \".counts\");",
                    "    take(LOCAL);",
                    "    take(\"n\" + (TWO + 1));",
                    "    take(\"n\" + TWO + 1);",
                    "    take(ON ? Names.BASE : \"other\");",
                    "    take(notConstant + \".x\");",
                    "    take(parameter);",
                    "    take(TWO);",
                    "  }",
                    "}")));
    Trees trees = Trees.instance(elements.task);
    CompilationUnitTree unit = elements.unit("test.Uses");
    List<String> folded =
        elements.takeArguments(
            "test.Uses",
            t -> ConstantStrings.of(t, e -> trees.getElement(TreePath.getPath(unit, e))));
    assertEquals(
        Arrays.asList("app.counts", "app.local", "n3", "n21", "app", null, null, null), folded);
  }
}
