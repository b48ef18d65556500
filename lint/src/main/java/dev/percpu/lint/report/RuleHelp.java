package dev.percpu.lint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's documentation for SARIF's {@code fullDescription} and {@code help}, taken from the
 * project's own pages: {@code docs/bugpattern/NAME.md} for the Error Prone checks and the "What it
 * reports" table of {@code docs/checker/manual.md} for the Checker Framework keys. The build copies
 * those pages into the jar (see the linter's pom), so the help travels with the report and needs no
 * web site.
 *
 * @param name a friendly Pascal-case name, as SARIF viewers and the SARIF validator want; it must
 *     differ from the rule id (SARIF1001), see {@link KnownChecks#friendlyName}
 * @param fullDescription one paragraph
 * @param markdown the page (or the table entry) as Markdown
 * @param text the same for viewers without Markdown
 */
public record RuleHelp(String name, String fullDescription, String markdown, String text) {
  private static final String RESOURCES = "/dev/percpu/lint/docs/";

  public static RuleHelp of(Tool tool, String check) {
    return switch (tool) {
      case ERROR_PRONE ->
          KnownChecks.isPercpu(check)
              ? bugPattern(check)
                  .orElseGet(
                      () ->
                          generic(
                              KnownChecks.friendlyName(check), KnownChecks.describe(tool, check)))
              : generic(
                  "ErrorProne" + check,
                  "Error Prone's own check "
                      + check
                      + ", switched on with -Xep; see https://errorprone.info/bugpattern/"
                      + check
                      + ".");
      case CHECKER_FRAMEWORK -> checkerKey(check);
    };
  }

  private static RuleHelp generic(String name, String description) {
    return new RuleHelp(name, description, description, description);
  }

  private static Optional<RuleHelp> bugPattern(String check) {
    return resource("bugpattern/" + check + ".md")
        .map(
            page ->
                new RuleHelp(
                    KnownChecks.friendlyName(check),
                    firstParagraph(page, "## The problem"),
                    page,
                    plain(page)));
  }

  /**
   * A key with an Error Prone equivalent gets that check's page (the same verdict, the same fix);
   * every key gets its row of the manual's table.
   */
  private static RuleHelp checkerKey(String check) {
    String key = check.substring(check.indexOf(':') + 1);
    String meaning =
        resource("checker/manual.md")
            .flatMap(manual -> tableRow(manual, key))
            .orElse(KnownChecks.describe(Tool.CHECKER_FRAMEWORK, check));
    String intro =
        "Checker Framework percpu checker, message key `"
            + key
            + "` (suppress with `@SuppressWarnings(\""
            + check
            + "\")`): "
            + meaning;
    Optional<String> equivalent =
        Findings.errorProneEquivalent(
            new Finding(
                "-",
                new SourcePosition(1, 1),
                new SourcePosition(1, 1),
                Severity.NOTE,
                check,
                "-",
                Tool.CHECKER_FRAMEWORK,
                Optional.empty()));
    String markdown =
        equivalent
            .flatMap(ep -> resource("bugpattern/" + ep + ".md"))
            .map(page -> intro + "\n\n" + page)
            .orElse(intro);
    return new RuleHelp(pascalName(key), plain(intro), markdown, plain(markdown));
  }

  /** {@code possible.nested.entry} becomes {@code PerCpuCheckerPossibleNestedEntry}. */
  static String pascalName(String key) {
    StringBuilder name = new StringBuilder("PerCpuChecker");
    for (String part : key.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return name.toString();
  }

  private static Optional<String> tableRow(String manual, String key) {
    Matcher m =
        Pattern.compile("^\\| `" + Pattern.quote(key) + "` \\| (.+) \\|$", Pattern.MULTILINE)
            .matcher(manual);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** The first paragraph after {@code heading}, lines joined; the page's first one if none. */
  static String firstParagraph(String page, String heading) {
    List<String> lines = page.lines().toList();
    int from = lines.indexOf(heading);
    List<String> paragraph = new ArrayList<>();
    for (int i = from < 0 ? 0 : from + 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        if (!paragraph.isEmpty()) {
          break;
        }
        continue;
      }
      paragraph.add(line);
    }
    return plain(String.join(" ", paragraph));
  }

  /** Markdown without its markup characters: fences, emphasis, back-quotes and heading marks. */
  static String plain(String markdown) {
    StringBuilder out = new StringBuilder();
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("```")) {
        continue;
      }
      out.append(line.replaceFirst("^#+ ", "").replace("**", "").replace("`", "")).append('\n');
    }
    return out.toString().strip();
  }

  private static Optional<String> resource(String path) {
    try (InputStream in = RuleHelp.class.getResourceAsStream(RESOURCES + path)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
