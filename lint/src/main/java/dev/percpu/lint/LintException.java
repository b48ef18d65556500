package dev.percpu.lint;

/**
 * A problem that stops the run before or instead of a report: bad usage, a missing path, a
 * compilation error unrelated to the checks, a broken installation. The message is printed as is;
 * exit status 2.
 */
public final class LintException extends Exception {
  private static final long serialVersionUID = 1L;

  public LintException(String message) {
    super(message);
  }

  public LintException(String message, Throwable cause) {
    super(message, cause);
  }
}
