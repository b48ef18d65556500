package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lints {@code samples/violations/} once per checker and holds each file to the findings its header
 * comment promises: every promised finding is reported, and nothing else is (a false positive in a
 * file about another mistake fails too).
 */
class ViolationSamplesTest {
  private static final Path VIOLATIONS = LintProcess.REPO_ROOT.resolve("samples/violations");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** {@code * errorprone PerCpuNestedAccess ERROR line 19} in the header comment. */
  private static final Pattern EXPECTATION =
      Pattern.compile(
          "^\\s*\\*\\s+(errorprone|checker)\\s+(\\S+)\\s+(ERROR|WARNING|\\*)\\s+line\\s+(\\d+)\\s*$");

  /** One promised or reported finding, compared on check, severity and line. */
  record Expected(String tool, String check, String severity, int line) {
    boolean matches(JsonNode finding) {
      return finding.get("tool").asString().equals(tool)
          && finding.get("line").asInt() == line
          && (check.equals("percpu:*")
              ? finding.get("check").asString().startsWith("percpu:")
              : finding.get("check").asString().equals(check))
          && (severity.equals("*")
              || finding.get("severity").asString().equalsIgnoreCase(severity));
    }

    @Override
    public String toString() {
      return tool + " " + check + " " + severity + " line " + line;
    }
  }

  @TestFactory
  Stream<DynamicTest> errorProneFindings_matchEachFilesHeader() throws Exception {
    assumeTrue(
        InstalledCheckers.errorProneChecks(), InstalledCheckers.missing("percpu-errorprone"));
    return perFile("errorprone");
  }

  @TestFactory
  Stream<DynamicTest> checkerFrameworkFindings_matchEachFilesHeader() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    return perFile("checker");
  }

  @TestFactory
  Stream<DynamicTest> everyFile_saysWhatMistakeItShowsAndExpectsAFinding() throws IOException {
    return sampleFiles().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String text = Files.readString(file);
                      assertTrue(
                          text.startsWith("/*\n * Mistake"),
                          "must open with a 'Mistake: ...' comment: " + file);
                      assertFalse(
                          expectations(file).isEmpty(), "declares no expected finding: " + file);
                      for (Expected e : expectations(file)) {
                        String line = text.lines().skip(e.line() - 1).findFirst().orElse("");
                        assertTrue(
                            line.endsWith("// <- the mistake"),
                            "line " + e.line() + " is not marked as the mistake: " + file);
                      }
                    }));
  }

  /** The Error Prone check with the same verdict as a promised Checker Framework finding. */
  private static final Map<String, String> SAME_VERDICT =
      Map.of(
          "percpu:nested.entry", "PerCpuNestedAccess",
          "percpu:possible.nested.entry", "PerCpuPossibleNestedAccess",
          "percpu:blocking.while.pinned", "PerCpuBlockingWhilePinned",
          "percpu:oneachcpu.while.pinned", "PerCpuOnEachCpuWhilePinned",
          "percpu:*", "PerCpuNestedAccess");

  /**
   * Both checkers at once: where both promise the same verdict on one line, the report has ONE
   * finding (Error Prone's, naming the checker's key in alsoReportedBy), in JSON and as one text
   * line; everything else as promised. The counts are derived from the headers, so they stay exact.
   */
  @Test
  void bothCheckers_reportOneFindingPerVerdictAndPlace() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    int expectedFindings = 0;
    int expectedMerged = 0;
    for (Path file : sampleFiles()) {
      List<Expected> expected = expectations(file);
      List<Expected> checker =
          new ArrayList<>(expected.stream().filter(e -> e.tool().equals("checker")).toList());
      for (Expected e : expected) {
        if (!e.tool().equals("errorprone")) {
          continue;
        }
        expectedFindings++;
        var partner =
            checker.stream()
                .filter(
                    c ->
                        c.line() == e.line()
                            && e.check().equals(SAME_VERDICT.get(c.check()))
                            && (c.severity().equals(e.severity()) || c.severity().equals("*")))
                .findFirst();
        if (partner.isPresent()) {
          checker.remove(partner.get());
          expectedMerged++;
        }
      }
      expectedFindings += checker.size();
    }
    LintProcess.Result r =
        LintProcess.jar(LintProcess.REPO_ROOT, "--format", "json", "samples/violations");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("", Schemas.violations(Schemas.LINT_JSON, r.stdout()));
    JsonNode findings = JSON.readTree(r.stdout()).get("findings");
    assertEquals(expectedFindings, findings.size(), r::toString);
    int merged = 0;
    for (JsonNode f : findings) {
      if (f.has("alsoReportedBy")) {
        merged++;
        assertEquals("errorprone", f.get("tool").asString(), f::toString);
        JsonNode other = f.get("alsoReportedBy").get(0);
        assertEquals("checker", other.get("tool").asString(), f::toString);
        assertEquals(
            f.get("check").asString(),
            SAME_VERDICT.get(other.get("check").asString()),
            "same verdict: " + f);
      }
    }
    assertEquals(expectedMerged, merged, r::toString);

    LintProcess.Result text = LintProcess.jar(LintProcess.REPO_ROOT, "samples/violations");
    assertEquals(1, text.exitCode(), text::toString);
    List<String> sameHandle =
        text.stdout()
            .lines()
            .filter(l -> l.startsWith("samples/violations/SameHandle.java:"))
            .toList();
    assertEquals(
        1, sameHandle.size(), "one line for the mistake both checkers found: " + text.stdout());
    assertTrue(
        sameHandle
                .get(0)
                .startsWith("samples/violations/SameHandle.java:19:18: ERROR [PerCpuNestedAccess] ")
            && sameHandle.get(0).endsWith(" (also Checker Framework [percpu:nested.entry])"),
        sameHandle.get(0));
  }

  private Stream<DynamicTest> perFile(String tool) throws Exception {
    LintProcess.Result r =
        LintProcess.jar(
            LintProcess.REPO_ROOT, "--only", tool, "--format", "json", "samples/violations");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("", Schemas.violations(Schemas.LINT_JSON, r.stdout()));
    JsonNode findings = JSON.readTree(r.stdout()).get("findings");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : sampleFiles()) {
      String name = file.getFileName().toString();
      List<Expected> expected =
          expectations(file).stream().filter(e -> e.tool().equals(tool)).toList();
      List<JsonNode> reported = new ArrayList<>();
      findings.forEach(
          f -> {
            if (f.get("file").asString().equals("samples/violations/" + name)) {
              reported.add(f);
            }
          });
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                Set<String> missing = new TreeSet<>();
                for (Expected e : expected) {
                  if (reported.stream().noneMatch(e::matches)) {
                    missing.add(e.toString());
                  }
                }
                Set<String> unexpected =
                    reported.stream()
                        .filter(f -> expected.stream().noneMatch(e -> e.matches(f)))
                        .map(
                            f ->
                                f.get("check").asString()
                                    + " "
                                    + f.get("severity").asString()
                                    + " line "
                                    + f.get("line").asInt()
                                    + ": "
                                    + f.get("message").asString())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertTrue(
                    missing.isEmpty() && unexpected.isEmpty(),
                    name + ": missing " + missing + ", unexpected " + unexpected);
              }));
    }
    return tests.stream();
  }

  private static List<Path> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(VIOLATIONS)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<Expected> expectations(Path file) throws IOException {
    List<Expected> expected = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(" */")) {
        break;
      }
      Matcher m = EXPECTATION.matcher(line);
      if (m.matches()) {
        expected.add(
            new Expected(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
      }
    }
    return expected;
  }
}
