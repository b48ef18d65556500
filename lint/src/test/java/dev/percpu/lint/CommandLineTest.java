package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Exit statuses and messages of the real command, run in its own JVM. */
class CommandLineTest {
  @Test
  void help_printsUsageAndExitsZero() throws Exception {
    LintProcess.Result r = LintProcess.jar(LintProcess.WORK, "--help");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("usage: percpu-lint [options] PATH..."), r::toString);
  }

  @Test
  void unknownOption_exitsTwoNamingIt() throws Exception {
    LintProcess.Result r = LintProcess.jar(LintProcess.WORK, "--fromat", "json", ".");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("unknown option '--fromat'"), r::toString);
  }

  @Test
  void nonExistentPath_exitsTwoNamingThePathAsTyped() throws Exception {
    LintProcess.Result r = LintProcess.jar(LintProcess.WORK, "no/such/dir");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals("percpu-lint: no such file or directory: no/such/dir\n", r.stderr(), r::toString);
    assertEquals("", r.stdout());
  }

  @Test
  void nonJavaFile_exitsTwo() throws Exception {
    Path tree = Fixtures.tree("mixed");
    LintProcess.Result r = LintProcess.jar(tree, "src/notes.txt");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("not a .java file or a directory: src/notes.txt"), r::toString);
  }

  @Test
  void emptyTree_isAUsageErrorNamingThePath() throws Exception {
    Path empty = Fixtures.scratch("empty-tree-fails");
    Files.createDirectories(empty.resolve("sub/dir"));
    LintProcess.Result r = LintProcess.jar(empty, "sub");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("no .java files under [sub]"), r::toString);
    assertTrue(r.stderr().contains("--allow-empty"), r::toString);
    assertEquals("", r.stdout(), "no report: a usage error is not a clean run");
  }

  @Test
  void emptyTreeWithAllowEmpty_exitsZeroWithAWarningAndAnEmptyReport() throws Exception {
    Path empty = Fixtures.scratch("empty-tree");
    Files.createDirectories(empty.resolve("sub/dir"));
    LintProcess.Result r = LintProcess.jar(empty, "--allow-empty", ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("warning: no .java files under [.]"), r::toString);
    assertEquals("percpu-lint: 0 files, 0 errors, 0 warnings\n", r.stdout(), r::toString);
  }

  @Test
  void codeThatDoesNotCompile_exitsTwoWithJavacsMessage() throws Exception {
    LintProcess.Result r = LintProcess.jar(Fixtures.tree("broken"), "Broken.java");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("Broken.java:4:5: error: cannot find symbol"), r::toString);
    assertTrue(r.stderr().contains("method undefinedMethod(int)"), r::toString);
    assertTrue(r.stderr().contains("percpu-lint: the code does not compile"), r::toString);
  }

  @Test
  void cleanCode_exitsZeroAndSaysWhatRan() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    LintProcess.Result r = LintProcess.jar(Fixtures.tree("clean"), ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(
        "percpu-lint: 1 file, 0 errors, 0 warnings"
            + " (Error Prone: 0 errors, 0 warnings; Checker Framework: 0 errors, 0 warnings)\n",
        r.stdout(),
        r::toString);
  }

  @Test
  void directoryWalk_ignoresNonJavaFiles() throws Exception {
    LintProcess.Result r = LintProcess.jar(Fixtures.tree("mixed"), "--only", "errorprone", "src");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("percpu-lint: 1 file,"), r::toString);
  }

  @Test
  void modularTree_isLintedWithoutItsModuleDeclaration() throws Exception {
    LintProcess.Result r = LintProcess.jar(Fixtures.tree("modular"), "--only", "errorprone", ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("percpu-lint: 1 file,"), r::toString);
  }

  @Test
  void progress_staysQuietWhenStderrIsNotATerminal() throws Exception {
    LintProcess.Result r = LintProcess.jar(Fixtures.tree("clean"), "--only", "errorprone", ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.stderr(), r::toString);
  }

  /** util-linux {@code script} gives the linter a terminal; skipped where it is not installed. */
  @Test
  void progress_countsFilesWhenStderrIsATerminal() throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "no /usr/bin/script to run the linter on a terminal");
    String command =
        ProcessHandle.current().info().command().orElse("java")
            + " -jar "
            + LintProcess.JAR
            + " --only errorprone "
            + Fixtures.tree("clean");
    Process process =
        new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
            .redirectErrorStream(true)
            .start();
    String terminal =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), terminal);
    assertTrue(terminal.contains("\rpercpu-lint: Error Prone 0/1 files"), terminal);
    assertTrue(terminal.contains("\rpercpu-lint: Error Prone 1/1 files"), terminal);
  }

  @Test
  void launcherScript_runsTheLinter() throws Exception {
    LintProcess.Result r =
        LintProcess.launcher(
            Fixtures.tree("deadexception"),
            "--only",
            "errorprone",
            "-Xep:DeadException:ERROR",
            ".");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(
        r.stdout()
            .contains("Dead.java:5:7: ERROR [DeadException] Exception created but not thrown"),
        r::toString);
  }

  @Test
  void mainClassWithoutManifestExports_restartsItselfWithThem() throws Exception {
    LintProcess.Result r =
        LintProcess.mainClass(
            Fixtures.tree("deadexception"),
            "--only",
            "errorprone",
            "-Xep:DeadException:ERROR",
            ".");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Dead.java:5:7: ERROR [DeadException]"), r::toString);
    assertFalse(r.stderr().contains("IllegalAccessError"), r::toString);
  }

  @Test
  void brokenInstallation_exitsTwoNamingTheMissingProcessor() throws Exception {
    Path home = Fixtures.scratch("broken-home");
    Path lib = LintProcess.BUNDLED_LIB;
    Files.createDirectories(home.resolve("lib"));
    Files.createSymbolicLink(home.resolve("lib/errorprone"), lib.resolve("errorprone"));
    Files.createSymbolicLink(home.resolve("lib/classpath"), lib.resolve("classpath"));
    // A checker path without percpu-checker: javac cannot find the processor.
    Path checker = Files.createDirectories(home.resolve("lib/checker"));
    try (var jars = Files.list(lib.resolve("checker"))) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        if (!jar.getFileName().toString().matches("percpu-checker-\\d.*")) {
          Files.createSymbolicLink(checker.resolve(jar.getFileName()), jar);
        }
      }
    }
    LintProcess.Result r =
        LintProcess.jar(
            Path.of(System.getProperty("java.home")),
            java.util.List.of("-Dpercpu.lint.home=" + home),
            Fixtures.tree("clean"),
            "--only",
            "checker",
            ".");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains("Checker Framework failed"), r::toString);
    assertTrue(r.stderr().contains("dev.percpu.checker.PerCpuChecker"), r::toString);
    assertTrue(r.stderr().contains("is the linter installation complete?"), r::toString);
  }

  /** JDK 25 is installed beside JDK 17 on the project's machines; elsewhere this is skipped. */
  @Test
  void jdk25_runsWithTheManifestExportsAlone() throws Exception {
    Path jdk25 = Path.of(System.getProperty("percpu.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25);
    LintProcess.Result r =
        LintProcess.jar(
            jdk25,
            Fixtures.tree("deadexception"),
            "--only",
            "errorprone",
            "-Xep:DeadException:WARN",
            ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Dead.java:5:7: WARNING [DeadException]"), r::toString);
    assertFalse(r.stderr().contains("IllegalAccessError"), r::toString);
  }
}
