package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class OwnReturnsTest {

  @Test
  void returnsOfLambdasAndInnerClasses_areNotTheMethods() throws IOException {
    MethodTree m =
        method(
            """
            class C {
              Object m(boolean b) {
                Runnable r = () -> { return; };
                java.util.function.Supplier<String> s = () -> { return "lambda"; };
                Object o = new Object() { @Override public String toString() { return "inner"; } };
                class Local { int f() { return 1; } }
                if (b) {
                  return "first";
                }
                return "second";
              }
            }
            """);
    List<ReturnTree> returns = OwnReturns.of(m.getBody());
    assertEquals(
        List.of("\"first\"", "\"second\""),
        returns.stream().map(r -> r.getExpression().toString()).toList());
  }

  @Test
  void noBody_hasNoReturns() {
    assertTrue(OwnReturns.of(null).isEmpty());
  }

  private static MethodTree method(String source) throws IOException {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///C.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task =
        (JavacTask)
            ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, null, List.of("-proc:none"), null, List.of(file));
    MethodTree[] found = new MethodTree[1];
    for (CompilationUnitTree unit : task.parse()) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
          if (tree.getName().contentEquals("m")) {
            found[0] = tree;
          }
          return null;
        }
      }.scan(unit, null);
    }
    return found[0];
  }
}
