package dev.percpu.lint.report;

/** How serious a finding is; only {@link #ERROR} makes the linter exit with status 1. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  /** The SARIF 2.1.0 {@code result.level} value, which is also the lowercase name used in JSON. */
  public String sarifLevel() {
    return sarifLevel;
  }
}
