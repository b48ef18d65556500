package dev.percpu.corpus.gen;

import dev.percpu.PerCpuAssertions;
import dev.percpu.PerCpuNestingException;
import dev.percpu.PerCpuViolation;
import dev.percpu.corpus.InProcessJavac;
import dev.percpu.corpus.MainRunner;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;

/**
 * Judges a batch of generated programs the way the corpus's {@code Tools} judges the corpus: one
 * in-process javac run with Error Prone, one with the Checker Framework checker, one plain
 * compilation and a run of every {@code main} in assertion mode. The batch, not the program, is the
 * unit of a javac run, because the Checker Framework's start-up would dominate per-file runs.
 */
final class BatchJudge {
  private static final Pattern TAGGED =
      Pattern.compile("^\\[([A-Za-z0-9_.:-]+)\\] ", Pattern.DOTALL);

  /** The three tools' findings on one program. */
  record Judged(
      GeneratedProgram program, Verdicts errorProne, Verdicts checker, Verdicts runtime) {}

  private BatchJudge() {}

  static List<Judged> judge(List<GeneratedProgram> batch, Path work) {
    Path src = work.resolve("src");
    List<File> files = new ArrayList<>();
    try {
      Files.createDirectories(src);
      for (GeneratedProgram p : batch) {
        Path file = src.resolve(p.name() + ".java");
        Files.writeString(file, p.source());
        files.add(file.toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    Map<String, Verdicts> ep =
        compile(
            work.resolve("errorprone"),
            files,
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-processorpath",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-Xplugin:ErrorProne -XepDisableAllChecks"
                    + " -Xep:PerCpuNestedAccess:WARN -Xep:PerCpuPossibleNestedAccess:WARN"),
            batch,
            (code, tag) -> {
              if (code == null || !code.endsWith(".error.prone") || tag == null) {
                return null;
              }
              return switch (tag) {
                case "PerCpuNestedAccess" -> "definite";
                case "PerCpuPossibleNestedAccess" -> "possible";
                default -> "other(" + tag + ")";
              };
            });
    long t1 = System.nanoTime();
    Map<String, Verdicts> cf =
        compile(
            work.resolve("checkerframework"),
            files,
            List.of("-proc:only", "-processor", "dev.percpu.checker.PerCpuChecker", "-Awarns"),
            batch,
            (code, tag) -> {
              if (code == null || !code.endsWith(".proc.messager") || tag == null) {
                return null;
              }
              return switch (tag) {
                case "nested.entry" -> "definite";
                case "possible.nested.entry" -> "possible";
                default -> "other(" + tag + ")";
              };
            });
    long t2 = System.nanoTime();
    Path classes = work.resolve("classes");
    compile(classes, files, List.of("-proc:none"), batch, (code, tag) -> null);
    long t3 = System.nanoTime();
    Map<String, Verdicts> run = runAll(classes, batch);
    System.out.printf(
        "generator: %d programs in %s: errorprone %.1f s, checkerframework %.1f s, javac %.1f s,"
            + " runtime %.1f s%n",
        batch.size(),
        work.getFileName(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        (System.nanoTime() - t3) / 1e9);
    List<Judged> judged = new ArrayList<>();
    for (GeneratedProgram p : batch) {
      judged.add(new Judged(p, ep.get(p.name()), cf.get(p.name()), run.get(p.name())));
    }
    return judged;
  }

  private interface Classifier {
    String classify(String code, String tag);
  }

  private static Map<String, Verdicts> compile(
      Path out,
      List<File> files,
      List<String> toolOptions,
      List<GeneratedProgram> batch,
      Classifier c) {
    Map<String, Verdicts> found = empty(batch);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean compiled = InProcessJavac.compile(out, files, toolOptions, diagnostics, log);
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      Matcher m = TAGGED.matcher(d.getMessage(Locale.ROOT).strip());
      String kind = c.classify(d.getCode(), m.find() ? m.group(1) : null);
      if (kind == null) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d.toString());
        }
        continue;
      }
      String file = Path.of(d.getSource().getName()).getFileName().toString();
      Verdicts v = found.get(file.substring(0, file.length() - ".java".length()));
      if (v != null) {
        v.add((int) d.getLineNumber(), kind);
      }
    }
    if (!compiled && !errors.isEmpty()) {
      // A generated program javac rejects is the generator's bug, never a checker's verdict.
      throw new AssertionError("javac rejected generated programs in " + out + ": " + errors + log);
    }
    return found;
  }

  private static Map<String, Verdicts> runAll(Path classes, List<GeneratedProgram> batch) {
    PerCpuAssertions.setEnabled(true);
    Map<String, Verdicts> found = empty(batch);
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, BatchJudge.class.getClassLoader())) {
      for (GeneratedProgram p : batch) {
        long mark = PerCpuAssertions.checkpoint();
        Throwable thrown = MainRunner.run(loader, p.name());
        PerCpuNestingException nesting = nestingIn(thrown);
        Verdicts v = found.get(p.name());
        if (nesting != null) {
          v.add(innermostLine(nesting, p.name()), "definite");
        } else if (thrown != null) {
          v.add(0, "other(failed: " + thrown + ")");
        }
        for (PerCpuViolation violation : PerCpuAssertions.violationsSince(mark)) {
          if (violation.kind() == PerCpuViolation.Kind.NESTED_ENTRY && nesting == null) {
            v.add(0, "definite");
          } else if (violation.kind() != PerCpuViolation.Kind.NESTED_ENTRY) {
            v.add(0, "other(" + violation.kind() + ")");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static int innermostLine(Throwable nesting, String program) {
    for (StackTraceElement frame : nesting.getStackTrace()) {
      if ((program + ".java").equals(frame.getFileName())) {
        return frame.getLineNumber();
      }
    }
    return 0;
  }

  /** The nesting exception in a cause chain or among suppressed ones (a guard's refused close). */
  private static PerCpuNestingException nestingIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof PerCpuNestingException n) {
        return n;
      }
      for (Throwable s : t.getSuppressed()) {
        PerCpuNestingException n = nestingIn(s);
        if (n != null) {
          return n;
        }
      }
    }
    return null;
  }

  private static Map<String, Verdicts> empty(List<GeneratedProgram> batch) {
    Map<String, Verdicts> found = new LinkedHashMap<>();
    for (GeneratedProgram p : batch) {
      found.put(p.name(), new Verdicts());
    }
    return found;
  }
}
