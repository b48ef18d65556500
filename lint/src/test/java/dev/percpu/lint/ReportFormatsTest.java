package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three report formats, on findings that exist whatever state the percpu checks are in: Error
 * Prone's own DeadException check, switched on through the {@code -Xep} pass-through.
 */
class ReportFormatsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern TEXT_FINDING =
      Pattern.compile("^(\\S[^:]*):(\\d+):(\\d+): (ERROR|WARNING|NOTE) \\[([^\\]]+)\\] (.+)$");

  private static LintProcess.Result deadExceptions(String severity, String... more)
      throws Exception {
    String[] args = new String[more.length + 4];
    args[0] = "--only";
    args[1] = "errorprone";
    args[2] = "-Xep:DeadException:" + severity;
    System.arraycopy(more, 0, args, 3, more.length);
    args[args.length - 1] = ".";
    return LintProcess.jar(Fixtures.tree("deadexception"), args);
  }

  @Test
  void text_oneLinePerFindingThenTheSummary() throws Exception {
    LintProcess.Result r = deadExceptions("ERROR");
    assertEquals(1, r.exitCode(), r::toString);
    List<String> lines = r.stdout().lines().filter(l -> !l.startsWith(" ")).toList();
    assertEquals(3, lines.size(), r::toString);
    Matcher first = TEXT_FINDING.matcher(lines.get(0));
    assertTrue(first.matches(), lines.get(0));
    assertEquals(
        List.of(
            "Dead.java", "5", "7", "ERROR", "DeadException", "Exception created but not thrown"),
        List.of(
            first.group(1),
            first.group(2),
            first.group(3),
            first.group(4),
            first.group(5),
            first.group(6)));
    assertTrue(lines.get(1).startsWith("Dead.java:11:7: ERROR [DeadException] "), lines.get(1));
    assertEquals(
        "percpu-lint: 1 file, 2 errors, 0 warnings (Error Prone: 2 errors, 0 warnings)",
        lines.get(2));
  }

  @Test
  void warningsOnly_exitZero() throws Exception {
    LintProcess.Result r = deadExceptions("WARN");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Dead.java:5:7: WARNING [DeadException]"), r::toString);
  }

  @Test
  void json_matchesItsSchemaAndCarriesEveryField() throws Exception {
    LintProcess.Result r = deadExceptions("ERROR", "--format", "json");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("", Schemas.violations(Schemas.LINT_JSON, r.stdout()));
    JsonNode report = JSON.readTree(r.stdout());
    assertEquals(2, report.get("findings").size());
    JsonNode f = report.get("findings").get(0);
    assertEquals("Dead.java", f.get("file").asString());
    assertEquals(5, f.get("line").asInt());
    assertEquals(7, f.get("column").asInt());
    assertEquals(5, f.get("end").get("line").asInt());
    // `new IllegalArgumentException("negative")` is 40 chars from column 7, so the exclusive end is
    // 47.
    assertEquals(47, f.get("end").get("column").asInt());
    assertEquals("error", f.get("severity").asString());
    assertEquals("DeadException", f.get("check").asString());
    assertTrue(f.get("message").asString().startsWith("Exception created but not thrown"));
    assertFalse(
        f.get("message").asString().contains("(see http"),
        "Error Prone's own link line is dropped");
    assertEquals("errorprone", f.get("tool").asString());
    assertEquals("https://errorprone.info/bugpattern/DeadException", f.get("docs").asString());
    assertEquals(2, report.get("summary").get("errors").asInt());
    assertTrue(
        r.stderr().contains("percpu-lint: 1 file, 2 errors"), "the summary goes to stderr: " + r);
  }

  @Test
  void jsonSchema_rejectsAReportMissingAField() throws Exception {
    LintProcess.Result r = deadExceptions("ERROR", "--format", "json");
    ObjectNode report = (ObjectNode) JSON.readTree(r.stdout());
    ((ObjectNode) report.get("findings").get(0)).remove("check");
    assertNotEquals("", Schemas.violations(Schemas.LINT_JSON, JSON.writeValueAsString(report)));
  }

  @Test
  void sarif_isValidSarif210AndWhatCodeScanningNeeds() throws Exception {
    Path out = Fixtures.scratch("sarif-out").resolve("report.sarif");
    LintProcess.Result r = deadExceptions("ERROR", "--format", "sarif", "--output", out.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("", r.stdout(), "the report goes to the file only");
    String sarif = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals("", Schemas.violations(Schemas.SARIF, sarif));
    assertCodeScanningSubset(JSON.readTree(sarif));
    JsonNode result = JSON.readTree(sarif).get("runs").get(0).get("results").get(0);
    assertEquals("DeadException", result.get("ruleId").asString());
    assertEquals("error", result.get("level").asString());
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertEquals("Dead.java", location.get("artifactLocation").get("uri").asString());
    assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asString());
    assertEquals(5, location.get("region").get("startLine").asInt());
    assertEquals(7, location.get("region").get("startColumn").asInt());
    assertEquals(47, location.get("region").get("endColumn").asInt());
  }

  @Test
  void sarifSchema_rejectsADocumentWithoutVersion() throws Exception {
    LintProcess.Result r = deadExceptions("ERROR", "--format", "sarif");
    ObjectNode sarif = (ObjectNode) JSON.readTree(r.stdout());
    sarif.remove("version");
    assertNotEquals("", Schemas.violations(Schemas.SARIF, JSON.writeValueAsString(sarif)));
  }

  @Test
  void sarif_percentEncodesSpacesAndNonAsciiInUris() throws Exception {
    LintProcess.Result r =
        LintProcess.jar(
            Fixtures.tree("unicode"),
            "--only",
            "errorprone",
            "-Xep:DeadException:ERROR",
            "--format",
            "sarif",
            ".");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("", Schemas.violations(Schemas.SARIF, r.stdout()));
    JsonNode location =
        JSON.readTree(r.stdout())
            .get("runs")
            .get(0)
            .get("results")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation");
    assertEquals(
        "%C3%9Cn%C3%AFcode%20Spaced.java", location.get("artifactLocation").get("uri").asString());
  }

  @Test
  void outputIntoAMissingDirectory_exitsTwoNamingIt() throws Exception {
    LintProcess.Result r = deadExceptions("ERROR", "--output", "no/such/dir/report.txt");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.stderr().contains("cannot write the report to no/such/dir/report.txt"), r::toString);
  }

  /**
   * What GitHub code scanning requires beyond the schema (its "SARIF support" page): one run per
   * tool, a driver name, rule ids that results refer to, and for every result a message, a level
   * and a physical location whose region has a start line.
   */
  static void assertCodeScanningSubset(JsonNode sarif) {
    assertEquals("2.1.0", sarif.get("version").asString());
    assertEquals(
        1, sarif.get("runs").size(), "one run: code scanning rejects repeated tool/category runs");
    JsonNode run = sarif.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertFalse(driver.get("name").asString().isBlank());
    Set<String> ruleIds = new HashSet<>();
    List<String> ruleOrder = new java.util.ArrayList<>();
    for (JsonNode rule : driver.get("rules")) {
      assertTrue(ruleIds.add(rule.get("id").asString()), "duplicate rule " + rule);
      ruleOrder.add(rule.get("id").asString());
      // No percpu link by default (no published docs site), but the help is in the rule itself.
      if (rule.has("helpUri")) {
        assertTrue(rule.get("helpUri").asString().startsWith("https://"), rule::toString);
      }
      assertFalse(rule.get("shortDescription").get("text").asString().isBlank(), rule::toString);
      assertFalse(rule.get("fullDescription").get("text").asString().isBlank(), rule::toString);
      assertFalse(rule.get("help").get("text").asString().isBlank(), rule::toString);
      assertFalse(rule.get("help").get("markdown").asString().isBlank(), rule::toString);
      String name = rule.get("name").asString();
      assertTrue(name.matches("[A-Z][A-Za-z0-9]+"), "a Pascal-case friendly name: " + rule);
      assertNotEquals(rule.get("id").asString(), name, "SARIF1001: name differs from id");
    }
    for (JsonNode result : run.get("results")) {
      String ruleId = result.get("ruleId").asString();
      assertTrue(ruleIds.contains(ruleId), "result names an undeclared rule: " + result);
      assertEquals(ruleId, ruleOrder.get(result.get("ruleIndex").asInt()), result::toString);
      assertTrue(
          Set.of("error", "warning", "note").contains(result.get("level").asString()),
          result::toString);
      assertFalse(result.get("message").get("text").asString().isBlank(), result::toString);
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      String uri = physical.get("artifactLocation").get("uri").asString();
      assertFalse(uri.isBlank(), result::toString);
      assertFalse(uri.contains(" ") || uri.contains("\\"), "not a URI reference: " + uri);
      JsonNode region = physical.get("region");
      assertTrue(region.get("startLine").asInt() >= 1, result::toString);
      int endLine = region.get("endLine").asInt();
      assertTrue(
          endLine > region.get("startLine").asInt()
              || (endLine == region.get("startLine").asInt()
                  && region.get("endColumn").asInt() >= region.get("startColumn").asInt()),
          result::toString);
    }
  }
}
