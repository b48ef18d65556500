package dev.percpu.lint.cli;

import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Tool;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Checker Framework; {@code --} ends the options. An argument {@code @FILE} before {@code --}
 * stands for the lines of FILE, one argument per line, for command lines longer than the OS allows
 * (a large project's classpath).
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
          "  --report FORMAT=FILE     also write a FORMAT report to FILE (repeatable), e.g.",
          "                           --report sarif=percpu.sarif --report text=percpu.txt",
          "  --only errorprone|checker  run only one of the two checkers",
          "  --release N              compile for Java release N (default: the running JDK's)",
          "  --docs-url URL           base URL of a copy of the docs/ pages that findings link to",
          "                           (default: no link; SARIF rules carry the pages' text instead)",
          "  --allow-empty            a PATH without .java files is a clean run, not a usage error",
          "  -Xep...                  passed to Error Prone, e.g. -Xep:PerCpuPossibleNestedAccess:OFF",
          "  -A...                    passed to the Checker Framework checker, e.g. -Awarns",
          "  @FILE                    read further arguments from FILE, one per line",
          "  --help, --version",
          "",
          "exit status: 0 no error-level finding, 1 at least one, 2 bad usage or code that does not compile",
          "",
          "The checkers' jars travel inside percpu-lint.jar and are unpacked once into $PERCPU_LINT_CACHE",
          "(default $XDG_CACHE_HOME/percpu-lint or ~/.cache/percpu-lint), which may be deleted at any time.");

  private OptionsParser() {}

  public static LintOptions parse(List<String> args) throws UsageException {
    List<Path> paths = new ArrayList<>();
    String classpath = "";
    ReportFormat format = ReportFormat.TEXT;
    Optional<Path> output = Optional.empty();
    List<ReportFile> reports = new ArrayList<>();
    Set<Tool> tools = EnumSet.allOf(Tool.class);
    List<String> errorProneFlags = new ArrayList<>();
    List<String> checkerFlags = new ArrayList<>();
    Optional<String> release = Optional.empty();
    Optional<String> docsUrl = Optional.empty();
    boolean allowEmpty = false;
    boolean help = false;
    boolean version = false;
    boolean optionsEnded = false;

    Iterator<String> it = expandArgumentFiles(args).iterator();
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
        case "--report" -> reports.add(reportFile(value(name, inlineValue, it)));
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
        List.copyOf(reports),
        tools,
        List.copyOf(errorProneFlags),
        List.copyOf(checkerFlags),
        release,
        docsUrl,
        allowEmpty,
        help,
        version);
  }

  /** {@code sarif=out/percpu.sarif}: a format, {@code =}, and a file. */
  static ReportFile reportFile(String text) throws UsageException {
    int eq = text.indexOf('=');
    ReportFormat format = eq > 0 ? ReportFormat.byName(text.substring(0, eq)) : null;
    if (format == null || eq == text.length() - 1) {
      throw new UsageException(
          "--report takes FORMAT=FILE with FORMAT text, json or sarif, such as sarif=percpu.sarif,"
              + " not '"
              + text
              + "'");
    }
    return new ReportFile(format, path(text.substring(eq + 1)));
  }

  private static List<String> expandArgumentFiles(List<String> args) throws UsageException {
    List<String> expanded = new ArrayList<>();
    boolean optionsEnded = false;
    for (String arg : args) {
      if (!optionsEnded && arg.startsWith("@") && arg.length() > 1) {
        Path file = path(arg.substring(1));
        try {
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .filter(line -> !line.isBlank())
              .forEach(expanded::add);
        } catch (IOException e) {
          throw new UsageException("cannot read the argument file " + file + ": " + e);
        }
        continue;
      }
      optionsEnded |= arg.equals("--");
      expanded.add(arg);
    }
    return expanded;
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
