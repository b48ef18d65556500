package dev.percpu.lint.cli;

import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Tool;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code percpu-lint [options] PATH...}. Options take their value as the next argument or
 * after {@code =}; {@code -Xep...} and {@code -A...} arguments pass through to Error Prone and the
 * Checker Framework; {@code --} ends the options.
 */
public final class OptionsParser {
  public static final String USAGE =
      String.join(
          "\n",
          "usage: percpu-lint [options] PATH...",
          "",
          "Compiles the .java files under each PATH with the percpu Error Prone checks and, separately, the",
          "percpu Checker Framework checker, and reports every finding of both.",
          "",
          "options:",
          "  --classpath CP, -cp CP   classpath of the linted code (the percpu runtime is always added)",
          "  --format text|json|sarif report format (default text)",
          "  --output FILE, -o FILE   write the report to FILE instead of standard output",
          "  --only errorprone|checker  run only one of the two checkers",
          "  --release N              compile for Java release N (default: the running JDK's)",
          "  --docs-url URL           base URL of a copy of the docs/ pages that findings link to",
          "                           (default: no link; SARIF rules carry the pages' text instead)",
          "  --allow-empty            a PATH without .java files is a clean run, not a usage error",
          "  -Xep...                  passed to Error Prone, e.g. -Xep:PerCpuPossibleNestedAccess:OFF",
          "  -A...                    passed to the Checker Framework checker, e.g. -Awarns",
          "  --help, --version",
          "",
          "exit status: 0 no error-level finding, 1 at least one, 2 bad usage or code that does not compile");

  private OptionsParser() {}

  public static LintOptions parse(List<String> args) throws UsageException {
    List<Path> paths = new ArrayList<>();
    String classpath = "";
    ReportFormat format = ReportFormat.TEXT;
    Optional<Path> output = Optional.empty();
    Set<Tool> tools = EnumSet.allOf(Tool.class);
    List<String> errorProneFlags = new ArrayList<>();
    List<String> checkerFlags = new ArrayList<>();
    Optional<String> release = Optional.empty();
    Optional<String> docsUrl = Optional.empty();
    boolean allowEmpty = false;
    boolean help = false;
    boolean version = false;
    boolean optionsEnded = false;

    Iterator<String> it = args.iterator();
    while (it.hasNext()) {
      String arg = it.next();
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        paths.add(path(arg));
        continue;
      }
      String name = arg;
      String inlineValue = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        inlineValue = arg.substring(eq + 1);
      }
      switch (name) {
        case "--" -> optionsEnded = true;
        case "--help", "-h" -> help = true;
        case "--version" -> version = true;
        case "--classpath", "-cp", "-classpath", "--class-path" ->
            classpath = value(name, inlineValue, it);
        case "--format" -> {
          String value = value(name, inlineValue, it);
          format = ReportFormat.byName(value);
          if (format == null) {
            throw new UsageException("--format must be text, json or sarif, not '" + value + "'");
          }
        }
        case "--output", "-o" -> output = Optional.of(path(value(name, inlineValue, it)));
        case "--only" -> {
          String value = value(name, inlineValue, it);
          Tool tool = Tool.byId(value);
          if (tool == null) {
            throw new UsageException("--only must be errorprone or checker, not '" + value + "'");
          }
          tools = EnumSet.of(tool);
        }
        case "--release" -> {
          String value = value(name, inlineValue, it);
          if (!value.matches("[0-9]+")) {
            throw new UsageException(
                "--release takes a Java version number such as 17, not '" + value + "'");
          }
          release = Optional.of(value);
        }
        case "--docs-url" -> docsUrl = Optional.of(docsUrl(value(name, inlineValue, it)));
        case "--allow-empty" -> allowEmpty = true;
        default -> {
          if (arg.startsWith("-Xep")) {
            PerCpuFlags.check(arg);
            errorProneFlags.add(arg);
          } else if (arg.startsWith("-A") && arg.length() > 2) {
            checkerFlags.add(arg);
          } else {
            throw new UsageException("unknown option '" + arg + "' (see --help)");
          }
        }
      }
    }
    if (paths.isEmpty() && !help && !version) {
      throw new UsageException("no PATH given: name the source files or directories to lint");
    }
    return new LintOptions(
        List.copyOf(paths),
        classpath,
        format,
        output,
        tools,
        List.copyOf(errorProneFlags),
        List.copyOf(checkerFlags),
        release,
        docsUrl,
        allowEmpty,
        help,
        version);
  }

  private static String value(String name, String inlineValue, Iterator<String> it)
      throws UsageException {
    if (inlineValue != null) {
      return inlineValue;
    }
    if (!it.hasNext()) {
      throw new UsageException(name + " needs a value");
    }
    return it.next();
  }

  /** An absolute http(s) URL; anything else would make every link in the report dangle. */
  static String docsUrl(String text) throws UsageException {
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new UsageException(
        "--docs-url takes an absolute http(s) URL such as https://example.com/percpu/docs/, not '"
            + text
            + "'");
  }

  private static Path path(String text) throws UsageException {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException("not a valid path: '" + text + "' (" + e.getReason() + ")");
    }
  }
}
