package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * What the user passes on reaches the right compilation: --classpath, -Xep... and -A... options.
 */
class PassThroughTest {
  private static final String SAME_HANDLE = "samples/violations/SameHandle.java";

  @Test
  void classpath_reachesBothCompilations() throws Exception {
    Path lib = Fixtures.scratch("classpath-lib");
    Path source = Files.createDirectories(lib.resolve("src/lib")).resolve("Helper.java");
    Files.writeString(
        source,
        "package lib; public class Helper { public static int twice(int x) { return 2 * x; } }");
    Path classes = Files.createDirectories(lib.resolve("classes"));
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString()));

    LintProcess.Result without =
        LintProcess.jar(Fixtures.tree("needslib"), "--only", "errorprone", ".");
    assertEquals(2, without.exitCode(), without::toString);
    assertTrue(without.stderr().contains("package lib does not exist"), without::toString);

    LintProcess.Result with =
        LintProcess.jar(Fixtures.tree("needslib"), "--classpath", classes.toString(), ".");
    assertEquals(0, with.exitCode(), with::toString);
  }

  @Test
  void xepSeverity_turnsTheErrorIntoAWarning() throws Exception {
    assumeTrue(
        InstalledCheckers.errorProneChecks(), InstalledCheckers.missing("percpu-errorprone"));
    LintProcess.Result r =
        LintProcess.jar(
            LintProcess.REPO_ROOT,
            "--only",
            "errorprone",
            "-Xep:PerCpuNestedAccess:WARN",
            SAME_HANDLE);
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        r.stdout().contains("SameHandle.java:19:18: WARNING [PerCpuNestedAccess]"), r::toString);
  }

  @Test
  void xepOff_silencesTheCheck() throws Exception {
    assumeTrue(
        InstalledCheckers.errorProneChecks(), InstalledCheckers.missing("percpu-errorprone"));
    LintProcess.Result r =
        LintProcess.jar(
            LintProcess.REPO_ROOT,
            "--only",
            "errorprone",
            "-Xep:PerCpuNestedAccess:OFF",
            SAME_HANDLE);
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("percpu-lint: 1 file, 0 errors, 0 warnings"), r::toString);
  }

  @Test
  void aWarns_makesTheCheckersErrorsWarnings() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    LintProcess.Result r =
        LintProcess.jar(LintProcess.REPO_ROOT, "--only", "checker", "-Awarns", SAME_HANDLE);
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(
        r.stdout().contains("SameHandle.java:19:18: WARNING [percpu:nested.entry]"), r::toString);
  }
}
