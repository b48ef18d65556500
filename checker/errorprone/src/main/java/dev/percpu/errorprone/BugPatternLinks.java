package dev.percpu.errorprone;

import java.util.Optional;

/**
 * Where each check's documentation page lives. The checks declare no link in {@code @BugPattern}
 * (the project has no published site, and the old default named a repository that does not exist);
 * {@code -XepOpt:PerCpu:DocsUrl} supplies the base at run time.
 */
final class BugPatternLinks {
  private BugPatternLinks() {}

  /** {@code DOCS_URL/bugpattern/NAME.md}, when a docs base is configured. */
  static Optional<String> link(String checkName, PerCpuConfig config) {
    return config.docsUrl().map(base -> base + "bugpattern/" + checkName + ".md");
  }
}
