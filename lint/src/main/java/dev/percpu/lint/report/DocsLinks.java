package dev.percpu.lint.report;

/**
 * Where each finding's documentation lives: the bug pattern pages for Error Prone checks, the
 * checker manual for Checker Framework keys. The base is the same one the checks'
 * {@code @BugPattern} links use.
 */
public final class DocsLinks {
  public static final String DEFAULT_BASE = "https://github.com/percpu/percpu/blob/main/docs/";

  private final String base;

  public DocsLinks(String base) {
    this.base = base.endsWith("/") ? base : base + "/";
  }

  public String forCheck(Tool tool, String check) {
    return switch (tool) {
      case ERROR_PRONE ->
          check.startsWith("PerCpu")
              ? base + "bugpattern/" + check + ".md"
              // One of Error Prone's own checks, switched on with -Xep.
              : "https://errorprone.info/bugpattern/" + check;
      // The manual's table of message keys.
      case CHECKER_FRAMEWORK -> base + "checker/manual.md#what-it-reports";
    };
  }

  /** The page that describes the linter itself, for the SARIF driver's information URI. */
  public String userGuide() {
    return base + "user-guide.md";
  }
}
