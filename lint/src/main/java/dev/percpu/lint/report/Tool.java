package dev.percpu.lint.report;

/**
 * The two checkers the linter runs, each in a compilation of its own.
 *
 * <p>{@link #id()} is what {@code --only} accepts and what the JSON {@code tool} field holds.
 */
public enum Tool {
  ERROR_PRONE("errorprone", "Error Prone"),
  CHECKER_FRAMEWORK("checker", "Checker Framework");

  private final String id;
  private final String displayName;

  Tool(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The tool whose {@link #id()} is {@code id}, or {@code null}. */
  public static Tool byId(String id) {
    for (Tool tool : values()) {
      if (tool.id.equals(id)) {
        return tool;
      }
    }
    return null;
  }
}
