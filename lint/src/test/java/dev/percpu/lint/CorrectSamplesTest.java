package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The samples users copy are correct, so the linter reports nothing on them: no error, no warning.
 */
class CorrectSamplesTest {
  @Test
  void samplesSources_haveNoFindingFromEitherChecker() throws Exception {
    assumeTrue(
        InstalledCheckers.errorProneChecks(), InstalledCheckers.missing("percpu-errorprone"));
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    LintProcess.Result r =
        LintProcess.jar(LintProcess.REPO_ROOT, "--format", "json", "samples/src/main/java");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(
        0, JsonMapper.builder().build().readTree(r.stdout()).get("findings").size(), r::toString);
  }
}
