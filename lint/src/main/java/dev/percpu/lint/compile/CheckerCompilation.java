package dev.percpu.lint.compile;

import com.sun.source.util.JavacTask;
import dev.percpu.lint.LintException;
import dev.percpu.lint.report.DocsLinks;
import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.Severity;
import dev.percpu.lint.report.SourcePosition;
import dev.percpu.lint.report.Tool;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One in-process javac run with one checker on. Each checker gets its own run (and its own
 * processor path): in a shared run, the first error of either tool stops the other from reporting,
 * and the two tools' Guava copies would meet on one class loader.
 */
public final class CheckerCompilation {
  private final CheckerInvocation invocation;
  private final ToolPaths toolPaths;
  private final CompileSettings settings;

  private CheckerCompilation(
      CheckerInvocation invocation, ToolPaths toolPaths, CompileSettings settings) {
    this.invocation = invocation;
    this.toolPaths = toolPaths;
    this.settings = settings;
  }

  public static CheckerCompilation of(Tool tool, ToolPaths toolPaths, CompileSettings settings) {
    return new CheckerCompilation(CheckerInvocation.of(tool), toolPaths, settings);
  }

  /**
   * Compiles {@code files} (class files go to a temporary directory that is deleted afterwards).
   *
   * @throws LintException when javac rejects the options or a checker throws out of javac
   */
  public CompilationOutcome run(List<Path> files) throws LintException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new LintException(
          "percpu-lint needs a JDK (javax.tools finds no system Java compiler in "
              + System.getProperty("java.home")
              + ")");
    }
    Path classes = createTempDirectory();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter strayOutput = new StringWriter();
    boolean succeeded;
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = options(classes);
      JavacTask task;
      try {
        task =
            (JavacTask)
                javac.getTask(
                    strayOutput,
                    fileManager,
                    diagnostics,
                    options,
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files));
      } catch (IllegalArgumentException e) {
        throw new LintException(
            "javac rejected the options for the "
                + invocation.tool().displayName()
                + " compilation: "
                + e.getMessage()
                + "\n  options: "
                + String.join(" ", options),
            e);
      }
      Progress.Tracker tracker =
          settings.progress().track(task, invocation.tool().displayName(), files.size());
      try {
        succeeded = task.call();
      } catch (RuntimeException e) {
        Optional<String> rejected = rejectedOption(e);
        if (rejected.isPresent()) {
          throw new LintException(
              "invalid "
                  + invocation.tool().displayName()
                  + " option: "
                  + rejected.get()
                  + " (from "
                  + String.join(" ", settings.errorProneFlags())
                  + ")",
              e);
        }
        throw new LintException(
            invocation.tool().displayName()
                + " failed inside javac: "
                + rootMessage(e)
                + strayText(strayOutput),
            e);
      } finally {
        tracker.done();
      }
    } catch (IOException e) {
      throw new LintException("cannot close javac's file manager: " + e.getMessage(), e);
    } finally {
      deleteRecursively(classes);
    }
    return classify(diagnostics.getDiagnostics(), strayOutput, succeeded);
  }

  private List<String> options(Path classes) {
    List<String> options = new ArrayList<>();
    // No -Xlint:none: it silences Error Prone's warning-level findings too.
    options.addAll(List.of("-d", classes.toString(), "-implicit:none"));
    // javac stops printing after 100 of each by default; a linter must not drop findings.
    options.addAll(List.of("-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000"));
    settings.release().ifPresent(release -> options.addAll(List.of("--release", release)));
    options.addAll(List.of("-classpath", classpath()));
    options.addAll(List.of("-processorpath", join(invocation.processorPath(toolPaths))));
    options.addAll(invocation.options(settings));
    return options;
  }

  private String classpath() {
    String libraries = join(toolPaths.linkedLibraries());
    return settings.classpath().isEmpty()
        ? libraries
        : settings.classpath() + File.pathSeparator + libraries;
  }

  private CompilationOutcome classify(
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      StringWriter stray,
      boolean succeeded) {
    List<Finding> findings = new ArrayList<>();
    List<String> unrelated = new ArrayList<>();
    List<String> toolErrors = new ArrayList<>();
    List<String> usageErrors = new ArrayList<>();
    Map<Path, Optional<LineMap>> lineMaps = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      Optional<CheckerInvocation.CheckMessage> found = invocation.finding(d);
      Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
      Optional<String> usage = invocation.usageError(d, found);
      if (usage.isPresent()) {
        usageErrors.add(usage.get());
      } else if (found.isPresent() && file != null && d.getLineNumber() > 0) {
        findings.add(finding(d, file, found.get(), lineMaps));
      } else if (d.getKind() == Diagnostic.Kind.ERROR
          && (file == null || invocation.isFailure(d))) {
        String where =
            file == null ? "" : settings.paths().show(file) + ":" + d.getLineNumber() + ": ";
        toolErrors.add(where + "error: " + d.getMessage(Locale.ROOT));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        String where =
            settings.paths().show(file)
                + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() + ":" + d.getColumnNumber() : "")
                + ": ";
        unrelated.add(where + "error: " + d.getMessage(Locale.ROOT));
      }
    }
    // A failed run with no error diagnostic at all: javac or a plugin printed its complaint
    // instead.
    if (!succeeded && diagnostics.stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
      String text = stray.toString().strip();
      toolErrors.add(text.isEmpty() ? "javac failed without a diagnostic" : text);
    }
    findings.sort(Finding.REPORT_ORDER);
    return new CompilationOutcome(findings, unrelated, toolErrors, usageErrors);
  }

  private Finding finding(
      Diagnostic<? extends JavaFileObject> d,
      Path file,
      CheckerInvocation.CheckMessage found,
      Map<Path, Optional<LineMap>> lineMaps) {
    SourcePosition start = new SourcePosition(d.getLineNumber(), Math.max(1, d.getColumnNumber()));
    SourcePosition end = start;
    if (d.getEndPosition() != Diagnostic.NOPOS && d.getEndPosition() > d.getPosition()) {
      Optional<LineMap> lines = lineMaps.computeIfAbsent(file, f -> lineMap(d.getSource()));
      if (lines.isPresent()) {
        SourcePosition candidate = lines.get().position(d.getEndPosition());
        if (candidate.line() > start.line()
            || (candidate.line() == start.line() && candidate.column() > start.column())) {
          end = candidate;
        }
      }
    }
    Severity severity =
        switch (d.getKind()) {
          case ERROR -> Severity.ERROR;
          case WARNING, MANDATORY_WARNING -> Severity.WARNING;
          default -> Severity.NOTE;
        };
    Tool tool = invocation.tool();
    DocsLinks docs = settings.docs();
    return new Finding(
        settings.paths().show(file),
        start,
        end,
        severity,
        found.check(),
        found.message(),
        tool,
        docs.forCheck(tool, found.check()));
  }

  private static Optional<LineMap> lineMap(JavaFileObject source) {
    try {
      return Optional.of(new LineMap(source.getCharContent(true)));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Error Prone rejects an unknown check name (once {@code -XepIgnoreUnknownCheckNames} is gone) by
   * throwing {@code InvalidCommandLineOptionException} out of javac; its class lives in Error
   * Prone's class loader, so it is recognised by name.
   */
  private static Optional<String> rejectedOption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().endsWith(".InvalidCommandLineOptionException")) {
        return Optional.of(t.getMessage());
      }
    }
    return Optional.empty();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e) : e + "\n  caused by: " + root;
  }

  private static String strayText(StringWriter stray) {
    String text = stray.toString().strip();
    return text.isEmpty() ? "" : "\n" + text;
  }

  private static Path createTempDirectory() throws LintException {
    try {
      return Files.createTempDirectory("percpu-lint-classes");
    } catch (IOException e) {
      throw new LintException(
          "cannot create a temporary directory for class files: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is not worth failing a lint run over.
    }
  }
}
