package dev.percpu.lint.compile;

import dev.percpu.lint.report.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;

/** How one checker is put into a javac run, and how its diagnostics are told from javac's own. */
interface CheckerInvocation {
  Tool tool();

  List<Path> processorPath(ToolPaths paths);

  /** javac options that switch the checker on, after the shared ones. */
  List<String> options(CompileSettings settings);

  /** The check name and message when {@code diagnostic} is this checker's finding. */
  Optional<CheckMessage> finding(Diagnostic<?> diagnostic);

  /**
   * Whether {@code diagnostic} says the checker itself failed (crashed) rather than found something
   * or met code that does not compile.
   */
  default boolean isFailure(Diagnostic<?> diagnostic) {
    return false;
  }

  /**
   * When {@code diagnostic} says an option given to the checker was wrong or ignored: the message
   * for the user, naming the option. Such a run is a usage error, never a finding.
   */
  default Optional<String> usageError(Diagnostic<?> diagnostic, Optional<CheckMessage> finding) {
    return Optional.empty();
  }

  /** A diagnostic's text split into the name to suppress it by and the message proper. */
  record CheckMessage(String check, String message) {}

  static CheckerInvocation of(Tool tool) {
    return switch (tool) {
      case ERROR_PRONE -> new ErrorProneInvocation();
      case CHECKER_FRAMEWORK -> new CheckerFrameworkInvocation();
    };
  }
}
