package dev.percpu.lint.compile;

import dev.percpu.lint.report.KnownChecks;
import dev.percpu.lint.report.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * Error Prone as a javac plugin with only the percpu checks on: its own few hundred checks are
 * disabled, both for speed and because the linter's job is the per-CPU rules. User {@code -Xep}
 * flags come last, so {@code -Xep:PerCpuPossibleNestedAccess:OFF} or {@code
 * -Xep:PerCpuValueEscape:ERROR} win.
 */
final class ErrorProneInvocation implements CheckerInvocation {
  /** {@code [CheckName] message}; the message may go on over several lines. */
  private static final Pattern MESSAGE =
      Pattern.compile("^\\[([A-Za-z0-9_]+)\\] (.*)$", Pattern.DOTALL);

  /** Error Prone's own "(see link)" line, which the report's docs link replaces. */
  private static final Pattern SEE_LINE = Pattern.compile("\\s*\\n\\s*\\(see https?://\\S+\\)");

  @Override
  public Tool tool() {
    return Tool.ERROR_PRONE;
  }

  @Override
  public List<Path> processorPath(ToolPaths paths) {
    return paths.errorProne();
  }

  @Override
  public List<String> options(CompileSettings settings) {
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    // No -XepIgnoreUnknownCheckNames: a misspelt -Xep:Name:OFF must fail the run, not be ignored.
    // The checks enabled below ship with the linter, so they are always known.
    for (String check : KnownChecks.errorProneChecks()) {
      plugin.append(" -Xep:").append(check);
    }
    for (String flag : settings.errorProneFlags()) {
      plugin.append(' ').append(flag);
    }
    return List.of(
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        // Annotation processors on the user's classpath are not ours to run; Error Prone is a
        // plugin.
        "-proc:none",
        plugin.toString());
  }

  /** Error Prone reports a check that threw as {@code compiler.err.error.prone.crash}. */
  @Override
  public boolean isFailure(Diagnostic<?> diagnostic) {
    String code = diagnostic.getCode();
    return code != null && code.endsWith(".error.prone.crash");
  }

  /**
   * {@code PerCpuNestedAccess} reports a malformed {@code -XepOpt:PerCpu:} value as a diagnostic
   * saying "invalid percpu flag ..."; to the linter that is bad usage, not a finding.
   */
  @Override
  public Optional<String> usageError(Diagnostic<?> diagnostic, Optional<CheckMessage> finding) {
    return finding
        .filter(f -> f.message().startsWith("invalid percpu flag "))
        .map(f -> f.message().replaceFirst("^invalid percpu flag ", "invalid option "));
  }

  @Override
  public Optional<CheckMessage> finding(Diagnostic<?> diagnostic) {
    String code = diagnostic.getCode();
    if (code == null || !code.endsWith(".error.prone")) {
      return Optional.empty();
    }
    Matcher m = MESSAGE.matcher(diagnostic.getMessage(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CheckMessage(m.group(1), SEE_LINE.matcher(m.group(2)).replaceFirst("").strip()));
  }
}
