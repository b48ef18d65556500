package dev.percpu.lint.cli;

import java.util.List;

/**
 * The {@code -XepOpt:PerCpu:NAME=VALUE} flags of {@code percpu-errorprone}. Error Prone accepts any
 * {@code -XepOpt:} name without complaint, so a misspelt one would silently configure nothing; the
 * linter rejects names the checks do not read, and values it can judge without the checks (the
 * {@code ApiMethods} and {@code BlockingMethods} grammars are the checks' own and are judged by
 * them, see {@code Linter}).
 */
final class PerCpuFlags {
  private static final String PREFIX = "-XepOpt:PerCpu:";
  static final List<String> NAMES =
      List.of(
          "EnteringMethods", "ApiMethods", "BlockingMethods", "TypeArgumentAliasing", "DocsUrl");

  private PerCpuFlags() {}

  static void check(String arg) throws UsageException {
    if (!arg.startsWith(PREFIX)) {
      return;
    }
    String rest = arg.substring(PREFIX.length());
    int eq = rest.indexOf('=');
    String name = eq < 0 ? rest : rest.substring(0, eq);
    String value = eq < 0 ? "" : rest.substring(eq + 1);
    if (!NAMES.contains(name)) {
      throw new UsageException(
          "unknown option '" + arg + "': the percpu checks read -XepOpt:PerCpu:" + NAMES);
    }
    if (eq < 0 || value.isBlank()) {
      throw new UsageException("'" + arg + "' needs a value: " + PREFIX + name + "=...");
    }
    switch (name) {
      case "TypeArgumentAliasing" -> {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw new UsageException("invalid value in '" + arg + "': expected true or false");
        }
      }
      case "DocsUrl" -> {
        try {
          OptionsParser.docsUrl(value);
        } catch (UsageException e) {
          throw new UsageException("invalid value in '" + arg + "': " + e.getMessage());
        }
      }
      default -> {}
    }
  }
}
