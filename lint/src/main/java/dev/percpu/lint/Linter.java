package dev.percpu.lint;

import dev.percpu.lint.cli.LintOptions;
import dev.percpu.lint.cli.ReportFile;
import dev.percpu.lint.compile.CheckerCompilation;
import dev.percpu.lint.compile.CompilationOutcome;
import dev.percpu.lint.compile.CompileSettings;
import dev.percpu.lint.compile.PathDisplay;
import dev.percpu.lint.compile.Progress;
import dev.percpu.lint.compile.SourceFiles;
import dev.percpu.lint.compile.ToolPaths;
import dev.percpu.lint.report.DocsLinks;
import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.Findings;
import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Summary;
import dev.percpu.lint.report.Tool;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One lint run: collect the sources, compile them once per checker, report, and pick the exit
 * status.
 *
 * <pre>{@code
 * int status = new Linter(Path.of(""), System.out, System.err, Progress.silent())
 *     .run(OptionsParser.parse(List.of("--format", "sarif", "src/main/java")));
 * }</pre>
 */
public final class Linter {
  public static final int CLEAN = 0;
  public static final int ERRORS_FOUND = 1;
  public static final int FAILED = 2;

  private final Path workingDirectory;
  private final PrintStream out;
  private final PrintStream err;
  private final Progress progress;

  public Linter(Path workingDirectory, PrintStream out, PrintStream err, Progress progress) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.out = out;
    this.err = err;
    this.progress = progress;
  }

  /**
   * @return {@link #CLEAN}, {@link #ERRORS_FOUND} or {@link #FAILED}
   */
  public int run(LintOptions options) throws LintException {
    List<Path> files = SourceFiles.collect(options.paths(), workingDirectory);
    DocsLinks docs = new DocsLinks(options.docsBaseUrl());
    Set<Tool> toolsRun = new LinkedHashSet<>();
    List<Finding> findings = new ArrayList<>();
    if (files.isEmpty()) {
      // Fail closed: a CI job pointed at a moved or misspelt directory must not pass silently.
      if (!options.allowEmpty()) {
        throw new LintException(
            "no .java files under "
                + options.paths()
                + " (pass --allow-empty if an empty tree is expected)");
      }
      err.println("percpu-lint: warning: no .java files under " + options.paths());
    } else {
      ToolPaths toolPaths = ToolPaths.locate();
      CompileSettings settings =
          new CompileSettings(
              options.classpath(),
              options.release(),
              options.errorProneFlags(),
              options.checkerFlags(),
              new PathDisplay(workingDirectory),
              docs,
              progress);
      for (Tool tool : options.tools()) {
        CompilationOutcome outcome = CheckerCompilation.of(tool, toolPaths, settings).run(files);
        if (!outcome.usageErrors().isEmpty()) {
          throw new LintException(String.join("\n", outcome.usageErrors()));
        }
        if (!outcome.toolErrors().isEmpty()) {
          String errors = String.join("\n", outcome.toolErrors());
          boolean missing =
              errors.contains("not found") || errors.contains("not a valid checker name");
          throw new LintException(
              tool.displayName()
                  + " failed; the findings would be incomplete:\n"
                  + errors
                  + (missing
                      ? "\n(is the linter installation complete? see lib/errorprone and lib/checker in "
                          + toolPaths.home()
                          + ")"
                      : ""));
        }
        if (!outcome.unrelatedErrors().isEmpty()) {
          outcome.unrelatedErrors().forEach(e -> err.println(e));
          throw new LintException(
              "the code does not compile ("
                  + outcome.unrelatedErrors().size()
                  + " javac error"
                  + (outcome.unrelatedErrors().size() == 1 ? "" : "s")
                  + " above, in the "
                  + tool.displayName()
                  + " compilation); fix them, or pass the missing libraries with --classpath");
        }
        toolsRun.add(tool);
        for (Finding f : outcome.findings()) {
          findings.add(Findings.alignSeverity(f, options.errorProneFlags()));
        }
      }
    }
    Summary summary = new Summary(files.size(), toolsRun, Findings.merge(findings));
    write(summary, options, docs);
    return summary.hasErrors() ? ERRORS_FOUND : CLEAN;
  }

  private void write(Summary summary, LintOptions options, DocsLinks docs) throws LintException {
    for (ReportFile report : options.reports()) {
      writeFile(summary, report.format(), report.file(), docs);
    }
    if (options.output().isPresent()) {
      writeFile(summary, options.format(), options.output().get(), docs);
      err.println(summary.line());
    } else {
      Writer stdout = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try {
        options.format().writer(docs, workingDirectory).write(summary, stdout);
        stdout.flush();
      } catch (IOException e) {
        throw new LintException("cannot write the report: " + e, e);
      }
      if (options.format() != ReportFormat.TEXT) {
        err.println(summary.line());
      }
    }
  }

  private void writeFile(Summary summary, ReportFormat format, Path file, DocsLinks docs)
      throws LintException {
    Path target = workingDirectory.resolve(file);
    try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      format.writer(docs, workingDirectory).write(summary, writer);
    } catch (IOException e) {
      throw new LintException("cannot write the report to " + file + ": " + e, e);
    }
  }
}
