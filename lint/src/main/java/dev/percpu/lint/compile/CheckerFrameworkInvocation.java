package dev.percpu.lint.compile;

import dev.percpu.lint.report.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * The percpu Checker Framework checker as the only annotation processor. Its diagnostics arrive
 * through the {@code Messager} as {@code [key] message}; the linter names them {@code percpu:key},
 * which is also what {@code @SuppressWarnings} takes to silence one.
 */
final class CheckerFrameworkInvocation implements CheckerInvocation {
  static final String PROCESSOR = "dev.percpu.checker.PerCpuChecker";
  private static final Pattern MESSAGE =
      Pattern.compile("^\\[([A-Za-z0-9_.:-]+)\\] (.*)$", Pattern.DOTALL);

  @Override
  public Tool tool() {
    return Tool.CHECKER_FRAMEWORK;
  }

  @Override
  public List<Path> processorPath(ToolPaths paths) {
    return paths.checker();
  }

  @Override
  public List<String> options(CompileSettings settings) {
    // -Xlint:processing makes javac report -A options no processor claimed (see usageError).
    List<String> options = new ArrayList<>(List.of("-processor", PROCESSOR, "-Xlint:processing"));
    options.addAll(settings.checkerFlags());
    return options;
  }

  /** javac's "options were not recognized by any processor": a misspelt {@code -A} option. */
  @Override
  public Optional<String> usageError(Diagnostic<?> diagnostic, Optional<CheckMessage> finding) {
    String code = diagnostic.getCode();
    if (code != null && code.endsWith("proc.unmatched.processor.options")) {
      return Optional.of(
          "unknown Checker Framework option: " + diagnostic.getMessage(Locale.ROOT).strip());
    }
    // A malformed -ApercpuApiMethods entry, reported once per compilation as this key.
    if (finding.filter(f -> f.check().equals("percpu:api.spec.invalid")).isPresent()) {
      return Optional.of("invalid option: " + finding.get().message());
    }
    return Optional.empty();
  }

  @Override
  public Optional<CheckMessage> finding(Diagnostic<?> diagnostic) {
    String code = diagnostic.getCode();
    if (code == null || !code.endsWith(".proc.messager")) {
      return Optional.empty();
    }
    Matcher m = MESSAGE.matcher(diagnostic.getMessage(Locale.ROOT).strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String key = m.group(1);
    return Optional.of(
        new CheckMessage(key.startsWith("percpu:") ? key : "percpu:" + key, m.group(2)));
  }
}
