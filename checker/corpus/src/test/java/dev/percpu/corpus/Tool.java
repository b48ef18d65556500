package dev.percpu.corpus;

import java.util.Map;

/** The three judges of a program, each with its observed findings on the whole corpus. */
enum Tool {
  ERROR_PRONE,
  CHECKER_FRAMEWORK,
  RUNTIME;

  Map<String, Findings> observed() {
    return switch (this) {
      case ERROR_PRONE -> Tools.errorProne();
      case CHECKER_FRAMEWORK -> Tools.checkerFramework();
      case RUNTIME -> Tools.runtime();
    };
  }

  /** What the labels expect of this tool on a program. */
  Findings expected(Findings labels) {
    return this == RUNTIME ? Corpus.runtimeExpectation(labels) : labels;
  }
}
