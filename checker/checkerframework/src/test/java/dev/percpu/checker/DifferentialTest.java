package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.PerCpuNestingException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.checkerframework.framework.test.TypecheckResult;
import org.junit.jupiter.api.Test;

/**
 * The checker against the runtime, on the same programs: every static no-argument method of {@code
 * tests/percpu} is run with the real runtime in assertion mode, and every one that throws {@link
 * PerCpuNestingException} must be rejected by the checker at a line on the exception's path (the
 * inner entry, or a call between the outer entry and it).
 */
class DifferentialTest {

  private static final Path SOURCES = Path.of("tests", "percpu");

  @Test
  void everyProgramTheRuntimeRejects_isRejectedByTheChecker() throws Exception {
    System.setProperty("percpu.assertions", "true");
    Set<String> rejected = checkerErrorLines();
    List<Throwable> nestings = new ArrayList<>();
    List<String> programs = new ArrayList<>();
    List<String> missed = new ArrayList<>();

    try (URLClassLoader loader = compileWithPlainJavac()) {
      for (String className : classNames(loader)) {
        Class<?> c = Class.forName(className, true, loader);
        for (Method m : c.getDeclaredMethods()) {
          if (!Modifier.isStatic(m.getModifiers())
              || m.getParameterCount() != 0
              || m.isSynthetic()) {
            continue;
          }
          programs.add(className + "." + m.getName());
          Throwable nesting = nestingThrownBy(m);
          if (nesting == null) {
            continue;
          }
          nestings.add(nesting);
          if (!onItsPath(nesting, rejected)) {
            missed.add(className + "." + m.getName() + ": " + nesting);
          }
        }
      }
    }
    // The suite must exercise the runtime for the comparison to mean anything.
    assertTrue(nestings.size() >= 20, "only " + nestings.size() + " of " + programs + " nested");
    assertEquals(List.of(), missed, "programs the runtime rejects but the checker accepts");
    System.out.printf(
        "differential: %d programs run, %d rejected by the runtime, all rejected by the checker%n",
        programs.size(), nestings.size());
  }

  /** "File.java:LINE" of every error the checker reports on the suite. */
  private static Set<String> checkerErrorLines() {
    TypecheckResult result = PerCpuCheckerTest.typecheck("percpu");
    Set<String> lines = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> d : result.getActualDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        lines.add(new File(d.getSource().getName()).getName() + ":" + d.getLineNumber());
      }
    }
    assertTrue(!lines.isEmpty(), "the checker reported nothing: " + result.summarize());
    return lines;
  }

  private static Throwable nestingThrownBy(Method m) throws IllegalAccessException {
    m.setAccessible(true);
    try {
      m.invoke(null);
      return null;
    } catch (InvocationTargetException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof PerCpuNestingException) {
          return t;
        }
      }
      return null; // another failure is not the runtime's nesting verdict
    }
  }

  private static boolean onItsPath(Throwable nesting, Set<String> rejected) {
    for (StackTraceElement frame : nesting.getStackTrace()) {
      if (frame.getFileName() != null
          && rejected.contains(frame.getFileName() + ":" + frame.getLineNumber())) {
        return true;
      }
    }
    return false;
  }

  private static URLClassLoader compileWithPlainJavac() throws IOException {
    Path out = Path.of("target", "differential-classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<File> sources = new ArrayList<>();
      try (var stream = Files.list(SOURCES)) {
        stream.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toFile()));
      }
      List<String> options =
          List.of(
              "-proc:none",
              "-g",
              "-d",
              out.toString(),
              "-cp",
              System.getProperty("java.class.path"));
      boolean ok =
          javac
              .getTask(null, files, null, options, null, files.getJavaFileObjectsFromFiles(sources))
              .call();
      assertTrue(ok, "the test programs must compile with plain javac");
    }
    return new URLClassLoader(
        new URL[] {out.toUri().toURL()}, DifferentialTest.class.getClassLoader());
  }

  private static Set<String> classNames(URLClassLoader loader) throws IOException {
    Path out = Path.of(loader.getURLs()[0].getPath());
    Set<String> names = new TreeSet<>();
    try (var stream = Files.walk(out)) {
      stream
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> out.relativize(p).toString().replace(File.separatorChar, '.'))
          .map(s -> s.substring(0, s.length() - ".class".length()))
          .forEach(names::add);
    }
    return names;
  }
}
