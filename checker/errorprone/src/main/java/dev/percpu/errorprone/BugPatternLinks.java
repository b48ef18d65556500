package dev.percpu.errorprone;

/** Where each check's documentation page lives; one base so a move of the docs is one edit. */
final class BugPatternLinks {
  static final String BASE = "https://github.com/percpu/percpu/blob/main/docs/bugpattern/";

  private BugPatternLinks() {}
}
