package dev.percpu.errorprone;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One javac invocation with the two nesting checks, as a build runs them (the plugin found on the
 * processor path, {@code -XDcompilePolicy=simple}), over files written in the order given: for the
 * questions {@code CompilationTestHelper} cannot ask (the order of the files, class files of an
 * earlier compilation on the class path).
 */
final class JavacRun {
  private JavacRun() {}

  /**
   * Compiles {@code sources} (file name to lines, in command-line order) into {@code out} with
   * {@code classPath} before the test class path; returns every diagnostic as {@code
   * File.java:LINE: [Check] message}, in javac's order.
   */
  static List<String> compile(
      Path dir, Path out, List<Map.Entry<String, String[]>> sources, Path classPath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Files.createDirectories(out);
      Files.createDirectories(dir);
      List<Path> paths = new ArrayList<>();
      for (Map.Entry<String, String[]> s : sources) {
        Path file = dir.resolve(s.getKey());
        Files.write(file, List.of(s.getValue()));
        paths.add(file);
      }
      String testPath = System.getProperty("java.class.path");
      List<String> options =
          List.of(
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "-processorpath",
              testPath,
              "-proc:none",
              "-Xplugin:ErrorProne -XepDisableAllChecks"
                  + " -Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN",
              "-d",
              out.toString(),
              "-cp",
              classPath == null ? testPath : classPath + java.io.File.pathSeparator + testPath);
      StringWriter log = new StringWriter();
      boolean ok =
          javac
              .getTask(
                  log, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(paths))
              .call();
      if (!ok) {
        throw new AssertionError("javac failed: " + diagnostics.getDiagnostics() + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out2 = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      String file =
          d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
      out2.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
    }
    return out2;
  }
}
