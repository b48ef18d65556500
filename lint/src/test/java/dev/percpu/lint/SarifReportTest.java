package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.report.DocsLinks;
import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Severity;
import dev.percpu.lint.report.SourcePosition;
import dev.percpu.lint.report.Summary;
import dev.percpu.lint.report.Tool;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SARIF writer on findings the fixture runs do not produce: the checker's keys, odd paths. */
class SarifReportTest {
  private static final DocsLinks DOCS = new DocsLinks(DocsLinks.DEFAULT_BASE);

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
    // The five Error Prone checks are always listed; the checker's key once, however often it
    // occurs.
    assertEquals(6, rules.size());
    JsonNode rule = rules.get(5);
    assertEquals("percpu:nested.entry", rule.get("id").asString());
    assertEquals(
        DocsLinks.DEFAULT_BASE + "checker/manual.md#what-it-reports",
        rule.get("helpUri").asString());
    assertEquals(5, run.get("results").get(1).get("ruleIndex").asInt());
  }

  @Test
  void fileOutsideTheWorkingDirectory_getsAnAbsoluteFileUri() throws Exception {
    JsonNode location =
        sarif(
                List.of(
                    finding(
                        "/elsewhere/A.java",
                        Tool.ERROR_PRONE,
                        "PerCpuNestedAccess",
                        Severity.ERROR)))
            .get("runs")
            .get(0)
            .get("results")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("artifactLocation");
    assertEquals("file:///elsewhere/A.java", location.get("uri").asString());
    assertTrue(location.get("uriBaseId") == null, location::toString);
  }

  @Test
  void colonInTheFirstSegment_isNotReadAsAScheme() throws Exception {
    JsonNode location =
        sarif(
                List.of(
                    finding("a:b.java", Tool.ERROR_PRONE, "PerCpuNestedAccess", Severity.WARNING)))
            .get("runs")
            .get(0)
            .get("results")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("artifactLocation");
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
}
