package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker runs whatever the compile classpath holds: builds that enable it for every module
 * compile code that has no percpu jar at all, or only the runtime. Each case is a plain javac run
 * whose processor path is the test classpath and whose classpath is given explicitly.
 */
class ClasspathIndependenceTest {

  private static final String PLAIN =
      """
      package plain;

      import java.util.ArrayList;
      import java.util.List;

      class Plain {
        List<String> names = new ArrayList<>();

        int count() {
          names.forEach(n -> names.add(n));
          return names.size();
        }
      }
      """;

  private static final String USES_API =
      """
      package uses;

      import dev.percpu.PerCpu;

      class UsesApi {
        static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

        void nested() {
          COUNTS.with(a -> COUNTS.with(b -> b[0]++));
        }
      }
      """;

  @TempDir Path dir;

  record Result(boolean ok, List<Diagnostic<? extends JavaFileObject>> diagnostics, String out) {
    String describe() {
      return out
          + diagnostics.stream()
              .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
              .collect(Collectors.joining("\n"));
    }
  }

  private Result compile(String name, String source, List<String> classpath) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options =
          List.of(
              "-proc:only",
              "-processor",
              PerCpuChecker.class.getName(),
              "-processorpath",
              System.getProperty("java.class.path"),
              "-classpath",
              String.join(File.pathSeparator, classpath));
      boolean ok =
          javac
              .getTask(
                  new PrintWriter(out),
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjects(file))
              .call();
      return new Result(ok, diagnostics.getDiagnostics(), out.toString());
    }
  }

  /** The test classpath entry whose file name starts with {@code prefix}. */
  private static String jar(String prefix) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            e ->
                new File(e).getName().startsWith(prefix)
                    || e.replace('\\', '/').contains("/" + prefix + "/target/classes"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(prefix + " is not on the test classpath"));
  }

  private static String runtime() {
    // In the reactor the runtime is its module's target/classes; from a repository, its jar.
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(
            e ->
                new File(e).getName().startsWith("percpu-runtime")
                    || e.replace('\\', '/').contains("/runtime-api/target/classes"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("percpu-runtime is not on the test classpath"));
  }

  private static void assertClean(Result result) {
    assertTrue(result.ok(), result.describe());
    assertEquals(
        List.of(),
        result.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList(),
        result.describe());
    assertFalse(result.describe().contains("java.lang.Error"), result.describe());
  }

  @Test
  void noPercpuJarOnTheClasspath_compilesCleanly() throws IOException {
    assertClean(compile("Plain", PLAIN, List.of()));
  }

  @Test
  void onlyCheckerQualOnTheClasspath_compilesCleanly() throws IOException {
    assertClean(compile("Plain", PLAIN, List.of(jar("checker-qual"))));
  }

  @Test
  void onlyTheRuntimeOnTheClasspath_compilesCleanly() throws IOException {
    assertClean(compile("Plain", PLAIN, List.of(runtime())));
  }

  @Test
  void theApiUsedWithoutPercpuQual_isOneClearErrorNotACrash() throws IOException {
    Result result = compile("UsesApi", USES_API, List.of(runtime()));
    assertFalse(result.ok(), result.describe());
    List<String> errors =
        result.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(Locale.ROOT))
            .toList();
    assertEquals(1, errors.size(), result.describe());
    assertTrue(errors.get(0).contains("percpu-qual"), result.describe());
    assertFalse(result.describe().contains("java.lang.Error"), result.describe());
  }
}
