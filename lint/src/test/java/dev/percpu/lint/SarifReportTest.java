package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.report.DocsLinks;
import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.KnownChecks;
import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Severity;
import dev.percpu.lint.report.SourcePosition;
import dev.percpu.lint.report.Summary;
import dev.percpu.lint.report.Tool;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SARIF writer on findings the fixture runs do not produce: the checker's keys, odd paths. */
class SarifReportTest {
  /** The Error Prone checks the linter knows, each always a rule, listed before any checker key. */
  private static final int ERROR_PRONE_RULES = sizeOf(KnownChecks.errorProneChecks());

  private static final String DOCS_BASE = "https://example.org/percpu/docs/";
  private static final DocsLinks DOCS = new DocsLinks(Optional.of(DOCS_BASE));

  private static Finding finding(String file, Tool tool, String check, Severity severity) {
    SourcePosition at = new SourcePosition(3, 5);
    return new Finding(
        file,
        at,
        new SourcePosition(3, 9),
        severity,
        check,
        "message for " + check,
        tool,
        DOCS.forCheck(tool, check));
  }

  /** Where the first result of a SARIF report points. */
  private static JsonNode firstArtifactLocation(JsonNode sarif) {
    return sarif
        .get("runs")
        .get(0)
        .get("results")
        .get(0)
        .get("locations")
        .get(0)
        .get("physicalLocation")
        .get("artifactLocation");
  }

  private static JsonNode sarif(List<Finding> findings) throws Exception {
    StringWriter out = new StringWriter();
    ReportFormat.SARIF
        .writer(DOCS, Path.of("/work/project"))
        .write(new Summary(2, EnumSet.allOf(Tool.class), findings), out);
    assertEquals("", Schemas.violations(Schemas.SARIF, out.toString()));
    JsonNode sarif = JsonMapper.builder().build().readTree(out.toString());
    ReportFormatsTest.assertCodeScanningSubset(sarif);
    return sarif;
  }

  @Test
  void checkerKeys_becomeRulesLinkingTheManual() throws Exception {
    JsonNode run =
        sarif(
                List.of(
                    finding(
                        "src/A.java",
                        Tool.CHECKER_FRAMEWORK,
                        "percpu:nested.entry",
                        Severity.ERROR),
                    finding(
                        "src/B.java",
                        Tool.CHECKER_FRAMEWORK,
                        "percpu:nested.entry",
                        Severity.ERROR)))
            .get("runs")
            .get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    // Every Error Prone check is always listed; the checker's key once, however often it occurs.
    assertEquals(ERROR_PRONE_RULES + 1, rules.size());
    JsonNode rule = rules.get(ERROR_PRONE_RULES);
    assertEquals("percpu:nested.entry", rule.get("id").asString());
    assertEquals(DOCS_BASE + "checker/manual.md#what-it-reports", rule.get("helpUri").asString());
    assertEquals(ERROR_PRONE_RULES, run.get("results").get(1).get("ruleIndex").asInt());
  }

  @Test
  void fileOutsideTheWorkingDirectory_getsAnAbsoluteFileUri() throws Exception {
    JsonNode location =
        firstArtifactLocation(
            sarif(
                List.of(
                    finding(
                        "/elsewhere/A.java",
                        Tool.ERROR_PRONE,
                        "PerCpuNestedAccess",
                        Severity.ERROR))));
    assertEquals("file:///elsewhere/A.java", location.get("uri").asString());
    assertTrue(location.get("uriBaseId") == null, location::toString);
  }

  @Test
  void colonInTheFirstSegment_isNotReadAsAScheme() throws Exception {
    JsonNode location =
        firstArtifactLocation(
            sarif(
                List.of(
                    finding(
                        "a:b.java", Tool.ERROR_PRONE, "PerCpuNestedAccess", Severity.WARNING))));
    assertEquals("./a:b.java", location.get("uri").asString());
  }

  @Test
  void workingDirectory_isTheSrcrootBase() throws Exception {
    JsonNode run = sarif(List.of()).get("runs").get(0);
    assertEquals(
        "file:///work/project/",
        run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString());
    assertEquals(0, run.get("results").size());
  }

  @Test
  void everyPerCpuRule_carriesItsBugPatternPageAsHelp() throws Exception {
    JsonNode rules = sarif(List.of()).get("runs").get(0).get("tool").get("driver").get("rules");
    assertEquals(ERROR_PRONE_RULES, rules.size());
    for (JsonNode rule : rules) {
      String id = rule.get("id").asString();
      String page =
          Files.readString(LintProcess.REPO_ROOT.resolve("docs/bugpattern/" + id + ".md"));
      assertEquals(page, rule.get("help").get("markdown").asString(), id);
      assertFalse(rule.get("help").get("text").asString().contains("```"), id);
      assertEquals(KnownChecks.friendlyName(id), rule.get("name").asString());
      assertFalse(id.equals(rule.get("name").asString()), id);
      String full = rule.get("fullDescription").get("text").asString();
      assertTrue(full.length() > 40 && !full.contains("\n"), id + ": " + full);
      assertEquals(DOCS_BASE + "bugpattern/" + id + ".md", rule.get("helpUri").asString());
    }
  }

  @Test
  void withoutDocsUrl_noRuleLinksAnywhereButHelpIsThere() throws Exception {
    StringWriter out = new StringWriter();
    ReportFormat.SARIF
        .writer(DocsLinks.none(), Path.of("/work/project"))
        .write(
            new Summary(
                1,
                EnumSet.allOf(Tool.class),
                List.of(
                    finding(
                        "A.java",
                        Tool.CHECKER_FRAMEWORK,
                        "percpu:effect.not.declared",
                        Severity.ERROR))),
            out);
    assertEquals("", Schemas.violations(Schemas.SARIF, out.toString()));
    assertFalse(out.toString().contains("github.com"), out::toString);
    JsonNode run = JsonMapper.builder().build().readTree(out.toString()).get("runs").get(0);
    ReportFormatsTest.assertCodeScanningSubset(
        JsonMapper.builder().build().readTree(out.toString()));
    JsonNode rule = run.get("tool").get("driver").get("rules").get(ERROR_PRONE_RULES);
    assertEquals("percpu:effect.not.declared", rule.get("id").asString());
    assertEquals("PerCpuCheckerEffectNotDeclared", rule.get("name").asString());
    assertTrue(rule.get("helpUri") == null, rule::toString);
    assertTrue(
        rule.get("fullDescription").get("text").asString().contains("declares @Enters"),
        rule::toString);
  }

  @Test
  void mergedFinding_isOneResultNamingTheOtherRule() throws Exception {
    Finding merged =
        new Finding(
            "src/A.java",
            new SourcePosition(3, 5),
            new SourcePosition(3, 9),
            Severity.ERROR,
            "PerCpuNestedAccess",
            "nested",
            Tool.ERROR_PRONE,
            Optional.empty(),
            List.of(
                new Finding.Also(
                    Tool.CHECKER_FRAMEWORK,
                    "percpu:nested.entry",
                    "also nested",
                    Optional.empty())));
    JsonNode run = sarif(List.of(merged)).get("runs").get(0);
    assertEquals(1, run.get("results").size());
    JsonNode properties = run.get("results").get(0).get("properties");
    assertEquals("errorprone", properties.get("tool").asString());
    assertEquals("[\"errorprone\",\"checker\"]", properties.get("tools").toString());
    JsonNode other = properties.get("alsoReportedBy").get(0);
    assertEquals("checker", other.get("tool").asString());
    assertEquals("percpu:nested.entry", other.get("ruleId").asString());
    assertEquals("also nested", other.get("message").asString());
    // The other rule is declared, so its id resolves for a viewer.
    List<String> ids = new java.util.ArrayList<>();
    run.get("tool").get("driver").get("rules").forEach(r -> ids.add(r.get("id").asString()));
    assertTrue(ids.contains("percpu:nested.entry"), ids::toString);
  }

  private static int sizeOf(Iterable<?> items) {
    int n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }
}
