package dev.percpu.lint.report;

import java.util.Optional;

/**
 * Where each finding's documentation lives, when the user said where a copy of {@code docs/} is
 * published ({@code --docs-url}): the bug pattern pages for Error Prone checks, the checker manual
 * for Checker Framework keys.
 *
 * <p>There is no default base: the project has no published site, and a link into a repository that
 * does not exist is worse than none. Without one, reports carry no percpu link, and SARIF rules
 * carry the pages' text instead (see {@link RuleHelp}). Error Prone's own checks always link to
 * errorprone.info, which exists.
 */
public final class DocsLinks {
  private final Optional<String> base;

  public DocsLinks(Optional<String> base) {
    this.base = base.map(b -> b.endsWith("/") ? b : b + "/");
  }

  /** No percpu links at all. */
  public static DocsLinks none() {
    return new DocsLinks(Optional.empty());
  }

  public Optional<String> forCheck(Tool tool, String check) {
    return switch (tool) {
      case ERROR_PRONE ->
          KnownChecks.isPercpu(check)
              ? base.map(b -> b + "bugpattern/" + check + ".md")
              // One of Error Prone's own checks, switched on with -Xep.
              : Optional.of("https://errorprone.info/bugpattern/" + check);
      // The manual's table of message keys.
      case CHECKER_FRAMEWORK -> base.map(b -> b + "checker/manual.md#what-it-reports");
    };
  }

  /** The page that describes the linter itself, for the SARIF driver's information URI. */
  public Optional<String> userGuide() {
    return base.map(b -> b + "user-guide.md");
  }

  /** The base as configured, for passing on to Error Prone as {@code -XepOpt:PerCpu:DocsUrl}. */
  public Optional<String> base() {
    return base;
  }
}
