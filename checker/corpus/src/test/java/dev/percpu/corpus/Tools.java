package dev.percpu.corpus;

import dev.percpu.PerCpuAssertions;
import dev.percpu.PerCpuNestingException;
import dev.percpu.PerCpuViolation;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;

/**
 * Runs each tool once over the whole corpus and keeps the result for every test in this JVM: one
 * javac run per checker (the Checker Framework's start-up dominates, so per-file runs would not fit
 * the time budget), one plain compilation and a run of every {@code main} for the runtime.
 */
final class Tools {
  /** {@code [CheckOrKey] message}, how both tools begin a diagnostic's text. */
  private static final Pattern TAGGED =
      Pattern.compile("^\\[([A-Za-z0-9_.:-]+)\\] ", Pattern.DOTALL);

  private static Map<String, Findings> errorProne;
  private static Map<String, Findings> checkerFramework;
  private static Map<String, Findings> runtime;

  private Tools() {}

  static synchronized Map<String, Findings> errorProne() {
    if (errorProne == null) {
      // Both checks at WARN: an ERROR would not stop later files (should-stop=FLOW), but keeping
      // one severity makes the check name, not the kind, carry the verdict.
      errorProne =
          compile(
              "errorprone",
              List.of(
                  "-XDcompilePolicy=simple",
                  "--should-stop=ifError=FLOW",
                  // The percpu checks are found by ServiceLoader on the processor path only.
                  "-processorpath",
                  System.getProperty("java.class.path"),
                  "-proc:none",
                  "-Xplugin:ErrorProne -XepDisableAllChecks"
                      + " -Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN"),
              (code, tag) -> {
                if (code == null || !code.endsWith(".error.prone") || tag == null) {
                  return null;
                }
                return switch (tag) {
                  case "PerCpuNestedAccess" -> Verdict.DEFINITE;
                  case "PerCpuPossibleNestedAccess" -> Verdict.POSSIBLE;
                  default -> Verdict.OTHER;
                };
              });
    }
    return errorProne;
  }

  static synchronized Map<String, Findings> checkerFramework() {
    if (checkerFramework == null) {
      // -Awarns keeps one program's error from being the only thing a reader of the log sees.
      checkerFramework =
          compile(
              "checkerframework",
              List.of("-proc:only", "-processor", "dev.percpu.checker.PerCpuChecker", "-Awarns"),
              (code, tag) -> {
                if (code == null || !code.endsWith(".proc.messager") || tag == null) {
                  return null;
                }
                return switch (tag) {
                  case "nested.entry" -> Verdict.DEFINITE;
                  case "possible.nested.entry" -> Verdict.POSSIBLE;
                  default -> Verdict.OTHER;
                };
              });
    }
    return checkerFramework;
  }

  /** How a tool's diagnostic maps to a verdict; null when it is not the tool's finding. */
  private interface Classifier {
    Verdict classify(String code, String tag);
  }

  private static Map<String, Findings> compile(
      String tool, List<String> toolOptions, Classifier classifier) {
    Map<String, Findings> found = emptyFindings();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean compiled = javac(tool, toolOptions, diagnostics, log);
    List<String> javacErrors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      Matcher m = TAGGED.matcher(message.strip());
      Verdict v = classifier.classify(d.getCode(), m.find() ? m.group(1) : null);
      if (v == null) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          javacErrors.add(d.toString());
        }
        continue;
      }
      String program = Corpus.programName(Path.of(d.getSource().getName()));
      String detail = v == Verdict.OTHER ? "other(" + m.group(1) + ")" : null;
      if (detail == null) {
        found.get(program).add((int) d.getLineNumber(), v);
      } else {
        found.get(program).add((int) d.getLineNumber(), v, detail);
      }
    }
    if (!compiled && !javacErrors.isEmpty()) {
      throw new AssertionError(tool + " did not compile the corpus: " + javacErrors + log);
    }
    return found;
  }

  private static boolean javac(
      String tool,
      List<String> toolOptions,
      DiagnosticCollector<JavaFileObject> diagnostics,
      StringWriter log) {
    List<File> sources = Corpus.files().stream().map(Path::toFile).toList();
    return InProcessJavac.compile(
        Corpus.WORK.resolve(tool), sources, toolOptions, diagnostics, log);
  }

  static synchronized Map<String, Findings> runtime() {
    if (runtime == null) {
      runtime = runAll();
    }
    return runtime;
  }

  private static Map<String, Findings> runAll() {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    if (!javac("classes", List.of("-proc:none"), diagnostics, log)) {
      throw new AssertionError("the corpus must compile with plain javac: " + log);
    }
    PerCpuAssertions.setEnabled(true);
    Map<String, Findings> found = emptyFindings();
    Map<String, Findings> labels = Corpus.labels();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Corpus.WORK.resolve("classes").toUri().toURL()},
            Tools.class.getClassLoader())) {
      for (String program : found.keySet()) {
        long mark = PerCpuAssertions.checkpoint();
        Throwable thrown = MainRunner.run(loader, program);
        PerCpuNestingException nesting = thrown == null ? null : nestingIn(thrown);
        if (nesting != null) {
          found.get(program).add(lineOf(nesting, program, labels.get(program)), Verdict.DEFINITE);
        } else if (thrown != null) {
          found.get(program).add(0, Verdict.OTHER, "failed(" + thrown + ")");
        } else {
          // A nesting the program swallowed (a CompletableFuture stage keeps its exception) is
          // still the runtime's verdict: assertion mode recorded it, with the positions involved.
          for (PerCpuViolation v : PerCpuAssertions.violationsSince(mark)) {
            if (v.kind() == PerCpuViolation.Kind.NESTED_ENTRY) {
              found
                  .get(program)
                  .add(lineIn(v.message(), program, labels.get(program)), Verdict.DEFINITE);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * The line the runtime's verdict is at: the labelled line when it is on the exception's stack
   * (the inner entry, or the call in the program that leads to it), or else the program's innermost
   * frame, so that an unlabelled nesting still names a line.
   */
  private static int lineOf(Throwable nesting, String program, Findings labels) {
    String file = program + ".java";
    int innermost = 0;
    for (StackTraceElement frame : nesting.getStackTrace()) {
      if (!file.equals(frame.getFileName())) {
        continue;
      }
      if (labels.lines().containsKey(frame.getLineNumber())) {
        return frame.getLineNumber();
      }
      if (innermost == 0) {
        innermost = frame.getLineNumber();
      }
    }
    return innermost;
  }

  /** The labelled line among the message's {@code Program.java:N} positions, or else the first. */
  private static int lineIn(String message, String program, Findings labels) {
    Matcher m = Pattern.compile(Pattern.quote(program + ".java:") + "(\\d+)").matcher(message);
    int first = 0;
    while (m.find()) {
      int line = Integer.parseInt(m.group(1));
      if (labels.lines().containsKey(line)) {
        return line;
      }
      if (first == 0) {
        first = line;
      }
    }
    return first;
  }

  private static PerCpuNestingException nestingIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof PerCpuNestingException n) {
        return n;
      }
    }
    return null;
  }

  private static Map<String, Findings> emptyFindings() {
    Map<String, Findings> found = new TreeMap<>();
    for (Path file : Corpus.files()) {
      found.put(Corpus.programName(file), new Findings());
    }
    return found;
  }
}
