package dev.percpu.lint.report;

/** The linter's version, from the jar manifest when there is one. */
public final class LintVersion {
  private LintVersion() {}

  public static String semanticVersion() {
    String version = LintVersion.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }
}
