package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code docs/examples/maven} -- the project users copy -- with Maven, against THIS build's
 * percpu artifacts, so the example cannot rot. The example's own tests run too (the JUnit
 * extension), and a planted mistake must fail its build through the Checker Framework execution.
 * Nothing is installed anywhere (see {@link NestedMaven}).
 */
class MavenExampleTest {
  private static final Path EXAMPLE = LintProcess.REPO_ROOT.resolve("docs/examples/maven");
  private static NestedMaven maven;

  @BeforeAll
  static void prepareRepository() throws IOException {
    maven = NestedMaven.prepare("example-m2");
  }

  @Test
  void mavenExample_buildsAndItsTestsPass() throws Exception {
    Path project = copyOfExample("example-clean");
    LintProcess.Result r = maven.build(project, "verify");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("Tests run: 1, Failures: 0, Errors: 0"), r::toString);
  }

  @Test
  void mavenExample_failsOnAPossibleNestingThroughTheCheckerExecution() throws Exception {
    Path project = copyOfExample("example-planted");
    Files.writeString(
        project.resolve("src/main/java/com/example/stats/Merge.java"),
        String.join(
            "\n",
            "package com.example.stats;",
            "import dev.percpu.PerCpu;",
            "class Merge {",
            "  void into(PerCpu<long[]> from, PerCpu<long[]> to) {",
            "    from.with(a -> to.with(b -> b[0] += a[0]));",
            "  }",
            "}",
            ""));
    LintProcess.Result r = maven.build(project, "compile");
    assertNotEquals(0, r.exitCode(), r::toString);
    // Error Prone only warns on a possible nesting; the Checker Framework execution rejects it.
    assertTrue(r.stdout().contains("[PerCpuPossibleNestedAccess]"), r::toString);
    assertTrue(
        r.stdout().contains("percpu-checker") && r.stdout().contains("Merge.java:[5,"),
        r::toString);
  }

  private static Path copyOfExample(String name) throws IOException {
    Path project = Fixtures.scratch(name);
    NestedMaven.copyTree(EXAMPLE, project);
    return project;
  }
}
