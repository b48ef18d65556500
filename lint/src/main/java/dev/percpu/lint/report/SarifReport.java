package dev.percpu.lint.report;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run whose driver lists a rule (with a help
 * URI into {@code docs/}) per check, and results with a rule id, level, message and a region.
 *
 * <p>Both checkers go into ONE run: code scanning rejects uploads with several runs of the same
 * tool and category, and the check names already say which checker found what. Relative artifact
 * URIs are anchored at {@code %SRCROOT%}, the working directory, which is the checkout root in CI.
 */
public final class SarifReport implements ReportWriter {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String SRCROOT = "%SRCROOT%";
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final DocsLinks docs;
  private final Path workingDirectory;

  public SarifReport(DocsLinks docs, Path workingDirectory) {
    this.docs = docs;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  @Override
  public void write(Summary summary, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "percpu-lint");
    docs.userGuide().ifPresent(uri -> driver.put("informationUri", uri));
    driver.put("semanticVersion", LintVersion.semanticVersion());
    Map<String, Integer> ruleIndex = writeRules(summary, driver.putArray("rules"));

    String rootUri = workingDirectory.toUri().toString();
    run.putObject("originalUriBaseIds")
        .putObject(SRCROOT)
        .put("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
    // javac's columns count UTF-16 code units (Java chars), not Unicode code points.
    run.put("columnKind", "utf16CodeUnits");

    ArrayNode results = run.putArray("results");
    for (Finding f : summary.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.check());
      result.put("ruleIndex", ruleIndex.get(f.check()));
      result.put("level", f.severity().sarifLevel());
      result.putObject("message").put("text", f.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      if (isRelative(f.file())) {
        artifact.put("uri", encodePath(f.file()));
        artifact.put("uriBaseId", SRCROOT);
      } else {
        artifact.put("uri", Path.of(f.file()).toUri().toString());
      }
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.start().line());
      region.put("startColumn", f.start().column());
      region.put("endLine", f.end().line());
      region.put("endColumn", f.end().column());
      ObjectNode properties = result.putObject("properties");
      properties.put("tool", f.tool().id());
      if (!f.alsoReportedBy().isEmpty()) {
        // One result per verdict: the other checker's rule and wording ride along here.
        ArrayNode tools = properties.putArray("tools");
        tools.add(f.tool().id());
        ArrayNode also = properties.putArray("alsoReportedBy");
        for (Finding.Also a : f.alsoReportedBy()) {
          tools.add(a.tool().id());
          ObjectNode other = also.addObject();
          other.put("tool", a.tool().id());
          other.put("ruleId", a.check());
          other.put("message", a.message());
        }
      }
    }
    out.write(MAPPER.writeValueAsString(root));
    out.write("\n");
  }

  /**
   * The five Error Prone checks always, so the rule list documents them, plus every other check
   * seen.
   */
  private Map<String, Integer> writeRules(Summary summary, ArrayNode rules) {
    Map<String, Tool> ruleTools = new LinkedHashMap<>();
    for (String check : KnownChecks.errorProneChecks()) {
      ruleTools.put(check, Tool.ERROR_PRONE);
    }
    for (Finding f : summary.findings()) {
      ruleTools.putIfAbsent(f.check(), f.tool());
      // A merged finding's other rule is listed too, so its id in the properties resolves.
      f.alsoReportedBy().forEach(a -> ruleTools.putIfAbsent(a.check(), a.tool()));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    ruleTools.forEach(
        (check, tool) -> {
          index.put(check, index.size());
          ObjectNode rule = rules.addObject();
          rule.put("id", check);
          RuleHelp help = RuleHelp.of(tool, check);
          rule.put("name", help.name());
          rule.putObject("shortDescription").put("text", KnownChecks.describe(tool, check));
          rule.putObject("fullDescription").put("text", help.fullDescription());
          docs.forCheck(tool, check).ifPresent(uri -> rule.put("helpUri", uri));
          ObjectNode helpNode = rule.putObject("help");
          helpNode.put("text", help.text());
          helpNode.put("markdown", help.markdown());
          rule.putObject("properties").put("tool", tool.id());
        });
    return index;
  }

  private static boolean isRelative(String file) {
    return !Path.of(file).isAbsolute();
  }

  /**
   * A relative path as an RFC 3986 URI reference: '/' separators, spaces and non-ASCII
   * percent-encoded.
   */
  private static String encodePath(String relative) {
    String path = relative.replace('\\', '/');
    int colon = path.indexOf(':');
    if (colon >= 0 && (path.indexOf('/') < 0 || colon < path.indexOf('/'))) {
      // "a:b.java" would read as a URI with scheme "a".
      path = "./" + path;
    }
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express " + relative + " as a URI", e);
    }
  }
}
