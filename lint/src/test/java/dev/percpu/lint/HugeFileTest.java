package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated 10,000-method file (about 600 KB) of correct nested entries of two allocations, with
 * one nested entry of the same allocation planted at the end: the linter gets through it and finds
 * exactly the planted one, at the right line and column.
 */
class HugeFileTest {
  private static final int METHODS = 10_000;

  @Test
  void hugeFile_isLintedAndOnlyThePlantedMistakeIsFound() throws Exception {
    Path dir = Fixtures.scratch("huge-file");
    StringBuilder source =
        new StringBuilder()
            .append("import dev.percpu.PerCpu;\n\n")
            .append("class Huge {\n")
            .append("  private final PerCpu<long[]> a = PerCpu.allocate(() -> new long[1]);\n")
            .append("  private final PerCpu<long[]> b = PerCpu.allocate(() -> new long[1]);\n");
    for (int i = 0; i < METHODS; i++) {
      source
          .append("  void m")
          .append(i)
          .append("() { a.with(x -> b.with(y -> x[0] += y[0] + ")
          .append(i)
          .append(")); }\n");
    }
    int plantedLine = METHODS + 6;
    source.append("  void planted() { a.with(x -> a.with(y -> y[0]++)); }\n}\n");
    Files.writeString(dir.resolve("Huge.java"), source, StandardCharsets.UTF_8);

    LintProcess.Result r =
        LintProcess.jar(dir, "--only", "errorprone", "--format", "json", "Huge.java");

    JsonNode report = JsonMapper.builder().build().readTree(r.stdout());
    assertEquals(1, report.get("filesChecked").asInt(), r::toString);
    if (!InstalledCheckers.errorProneChecks()) {
      assertEquals(0, r.exitCode(), r::toString);
      return;
    }
    assertEquals(1, r.exitCode(), r::toString);
    JsonNode findings = report.get("findings");
    assertEquals(1, findings.size(), r::toString);
    assertEquals("PerCpuNestedAccess", findings.get(0).get("check").asString());
    assertEquals(plantedLine, findings.get(0).get("line").asInt());
    // javac places a call's diagnostic at its '(' : "  void planted() { a.with(x -> a.with(" is 38
    // chars.
    assertEquals(38, findings.get(0).get("column").asInt());
  }
}
