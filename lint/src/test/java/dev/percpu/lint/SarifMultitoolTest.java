package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft's SARIF validator with its GitHub code scanning rules ({@code --rule-kind Gh}) on a
 * real report of both checkers. The build does not download it: point {@code SARIF_MULTITOOL} (or
 * {@code -Dpercpu.sarif.multitool}) at the {@code sarif-multitool} executable, or put it on the
 * PATH, e.g. {@code npm install @microsoft/sarif-multitool} (5.x: the 4.6 Linux binary crashes on
 * start). Without it the test is skipped, saying so; the schema test and the explicit rule
 * assertions in {@code ReportFormatsTest} and {@code SarifReportTest} still run.
 */
class SarifMultitoolTest {
  @Test
  void githubRuleSet_reportsNoErrorsAndNoWarnings() throws Exception {
    Optional<Path> tool = locate();
    assumeTrue(
        tool.isPresent(),
        "no SARIF multitool (set SARIF_MULTITOOL or -Dpercpu.sarif.multitool, or put"
            + " sarif-multitool on the PATH: npm install @microsoft/sarif-multitool)");
    Path dir = Fixtures.scratch("sarif-multitool");
    Path report = dir.resolve("violations.sarif");
    LintProcess.Result r =
        LintProcess.jar(
            LintProcess.REPO_ROOT,
            "--format",
            "sarif",
            "--output",
            report.toString(),
            "samples/violations");
    assertEquals(1, r.exitCode(), r::toString);

    Path verdict = dir.resolve("validation.sarif");
    Files.deleteIfExists(verdict);
    Process process =
        new ProcessBuilder(
                tool.get().toString(),
                "validate",
                "--rule-kind",
                "Gh",
                "--output",
                verdict.toString(),
                report.toString())
            .redirectErrorStream(true)
            .start();
    String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, process.waitFor(5, TimeUnit.MINUTES), console);
    assertEquals(0, process.exitValue(), console);
    JsonNode results =
        JsonMapper.builder().build().readTree(verdict.toFile()).get("runs").get(0).get("results");
    List<String> problems = new ArrayList<>();
    if (results != null) {
      results.forEach(result -> problems.add(result.toString()));
    }
    assertEquals(List.of(), problems, console);
  }

  private static Optional<Path> locate() {
    String configured = System.getenv("SARIF_MULTITOOL");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("percpu.sarif.multitool");
    }
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "sarif-multitool"))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
