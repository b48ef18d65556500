package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds {@code docs/examples/maven} -- the project users copy -- with Maven, against THIS build's
 * percpu artifacts, so the example cannot rot. The example's own tests run too (the JUnit
 * extension), and a planted mistake must fail its build through the Checker Framework execution.
 *
 * <p>The nested build gets a local repository of its own: every entry of the user's local
 * repository is linked in, except {@code dev/percpu}, which holds the artifacts this build just
 * resolved (copied by lint/pom.xml's {@code example-repository} execution). Nothing is installed
 * anywhere.
 */
class MavenExampleTest {
  private static final Path EXAMPLE = LintProcess.REPO_ROOT.resolve("docs/examples/maven");
  private static Path mvn;
  private static Path localRepository;

  @BeforeAll
  static void prepareRepository() throws IOException {
    mvn = onPath("mvn").orElse(null);
    assumeTrue(mvn != null, "no 'mvn' on the PATH: cannot build docs/examples/maven");
    Path userRepository =
        Path.of(
            System.getProperty(
                "percpu.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
    Path ours =
        Path.of(System.getProperty("percpu.example.repository", "target/example-repository"));
    assumeTrue(
        Files.isDirectory(ours.resolve("dev/percpu/percpu-runtime")),
        "lint/pom.xml's example-repository execution did not run (run the tests through Maven)");

    localRepository = Fixtures.scratch("example-m2");
    if (Files.isDirectory(userRepository)) {
      linkAllBut(userRepository, localRepository, "dev");
      Path dev = Files.createDirectories(localRepository.resolve("dev"));
      if (Files.isDirectory(userRepository.resolve("dev"))) {
        linkAllBut(userRepository.resolve("dev"), dev, "percpu");
      }
    }
    copyTree(ours.resolve("dev/percpu"), localRepository.resolve("dev/percpu"));
    Path parent =
        Files.createDirectories(localRepository.resolve("dev/percpu/percpu-parent/0.1.0-SNAPSHOT"));
    Files.copy(
        LintProcess.REPO_ROOT.resolve("pom.xml"),
        parent.resolve("percpu-parent-0.1.0-SNAPSHOT.pom"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void mavenExample_buildsAndItsTestsPass() throws Exception {
    Path project = copyOfExample("example-clean");
    LintProcess.Result r = maven(project, "verify");
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
    LintProcess.Result r = maven(project, "compile");
    assertNotEquals(0, r.exitCode(), r::toString);
    // Error Prone only warns on a possible nesting; the Checker Framework execution rejects it.
    assertTrue(r.stdout().contains("[PerCpuPossibleNestedAccess]"), r::toString);
    assertTrue(
        r.stdout().contains("percpu-checker") && r.stdout().contains("Merge.java:[5,"),
        r::toString);
  }

  private static Path copyOfExample(String name) throws IOException {
    Path project = Fixtures.scratch(name);
    copyTree(EXAMPLE, project);
    Files.deleteIfExists(project.resolve("target"));
    return project;
  }

  /**
   * Offline first, as the rest of the build may be; the example asks Error Prone's processor path
   * for an auto-service version the reactor pins differently, so on a machine that never fetched it
   * the nested build goes online once.
   */
  private static LintProcess.Result maven(Path project, String goal)
      throws IOException, InterruptedException {
    LintProcess.Result offline = runMaven(project, "-o", goal);
    if (offline.exitCode() != 0 && offline.stdout().contains("in offline mode")) {
      return runMaven(project, null, goal);
    }
    return offline;
  }

  private static LintProcess.Result runMaven(Path project, String mode, String goal)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(mvn.toString(), "-B", "-Dmaven.repo.local=" + localRepository));
    if (mode != null) {
      command.add(mode);
    }
    command.add(goal);
    Path log = Files.createTempFile(LintProcess.WORK, "mvn", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, "the example's Maven build did not finish: " + command);
    return new LintProcess.Result(
        process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }

  private static void linkAllBut(Path from, Path to, String except) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().equals(except)) {
          Files.createSymbolicLink(
              to.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path relative = from.relativize(source);
        if (relative.startsWith("target")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
