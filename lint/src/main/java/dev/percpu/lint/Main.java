package dev.percpu.lint;

import dev.percpu.lint.cli.LintOptions;
import dev.percpu.lint.cli.OptionsParser;
import dev.percpu.lint.cli.UsageException;
import dev.percpu.lint.compile.Progress;
import dev.percpu.lint.report.LintVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The {@code percpu-lint} command.
 *
 * <pre>
 * $ percpu-lint --format sarif --output percpu.sarif src/main/java
 * </pre>
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command and exits with its status. A JVM started without access to javac's internals
   * (not through {@code java -jar}) runs it in a child JVM that has it; see {@link JavacAccess}.
   */
  public static void main(String[] args) {
    if (!JavacAccess.granted()) {
      System.exit(JavacAccess.relaunch(args, System.err));
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command as {@link #main} does, without exiting; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    LintOptions options;
    try {
      options = OptionsParser.parse(Arrays.asList(args));
    } catch (UsageException e) {
      err.println("percpu-lint: " + e.getMessage());
      err.println(
          "usage: percpu-lint [--classpath CP] [--format text|json|sarif] [--output FILE] PATH...  (--help for more)");
      return Linter.FAILED;
    }
    if (options.help()) {
      out.println(OptionsParser.USAGE);
      return Linter.CLEAN;
    }
    if (options.version()) {
      out.println("percpu-lint " + LintVersion.semanticVersion());
      return Linter.CLEAN;
    }
    try {
      return new Linter(Path.of(""), out, err, Progress.forTerminal(err)).run(options);
    } catch (LintException e) {
      err.println("percpu-lint: " + e.getMessage());
      return Linter.FAILED;
    } finally {
      out.flush();
    }
  }
}
