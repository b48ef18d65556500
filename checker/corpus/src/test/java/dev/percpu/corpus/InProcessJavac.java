package dev.percpu.corpus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One in-process javac run over judged programs, for the corpus and the generator alike: the tool's
 * own options (a plugin, a processor, or none) plus debug information, no cap on the diagnostics (a
 * batch can have thousands of findings) and the test class path, which holds the runtime and both
 * checkers.
 */
public final class InProcessJavac {
  private InProcessJavac() {}

  /** Compiles {@code sources} into {@code out}; returns whether javac succeeded. */
  public static boolean compile(
      Path out,
      List<File> sources,
      List<String> toolOptions,
      DiagnosticCollector<JavaFileObject> diagnostics,
      Writer log) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Files.createDirectories(out);
      List<String> options = new ArrayList<>(toolOptions);
      options.addAll(
          List.of(
              "-g",
              "-Xmaxwarns",
              "100000",
              "-Xmaxerrs",
              "100000",
              "-d",
              out.toString(),
              "-cp",
              System.getProperty("java.class.path")));
      return javac
          .getTask(
              log, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources))
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
