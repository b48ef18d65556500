package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code percpu-lint-VERSION.jar} as a user downloads it: copied alone into an empty
 * directory and run with {@code java -jar}, with an empty cache directory, on the build's JDK (17)
 * and on JDK 25 where it is installed. Nothing else from the build is reachable from that
 * directory.
 */
class StandaloneJarIT {
  private static final Path JDK25 =
      Path.of(System.getProperty("percpu.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
  private static final Pattern NESTED_FINDING =
      Pattern.compile("(?m)^Nested\\.java:7:\\d+: ERROR \\[[A-Za-z.:]+\\] ");

  private static Path jar;
  private static Path violating;
  private static Path clean;

  @BeforeAll
  static void copyTheJarAlone() throws IOException {
    Path downloads = Fixtures.scratch("standalone/downloads");
    jar = downloads.resolve("percpu-lint-" + System.getProperty("percpu.lint.version") + ".jar");
    Files.copy(LintProcess.JAR, jar);
    violating = Fixtures.scratch("standalone/violating");
    Files.writeString(
        violating.resolve("Nested.java"),
        String.join(
            "\n",
            "import dev.percpu.PerCpu;",
            "",
            "class Nested {",
            "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
            "",
            "  void countTwice() {",
            "    counts.with(outer -> counts.with(inner -> inner[0]++));",
            "  }",
            "}",
            ""));
    clean = Fixtures.scratch("standalone/clean");
    Files.writeString(
        clean.resolve("Counter.java"),
        String.join(
            "\n",
            "import dev.percpu.PerCpu;",
            "",
            "class Counter {",
            "  private final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
            "",
            "  void count() {",
            "    counts.with(c -> c[0]++);",
            "  }",
            "}",
            ""));
  }

  @Test
  void jdk17_violatingProgram_exitsOneWithTheFinding() throws Exception {
    Path cache = Fixtures.scratch("standalone/cache-17-violating");
    LintProcess.Result r = javaJar(javaHome(), cache, violating, ".");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(NESTED_FINDING.matcher(r.stdout()).find(), r::toString);
    assertTrue(r.stdout().contains("percpu-lint: 1 file, "), r::toString);
    assertEquals(1, unpackedCopies(cache), "one unpacked copy of the checkers in " + cache);
  }

  @Test
  void jdk17_cleanProgram_exitsZero() throws Exception {
    Path cache = Fixtures.scratch("standalone/cache-17-clean");
    LintProcess.Result r = javaJar(javaHome(), cache, clean, ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("percpu-lint: 1 file, 0 errors, 0 warnings"), r::toString);
  }

  @Test
  void jdk25_violatingProgram_exitsOneWithTheFinding() throws Exception {
    assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
    Path cache = Fixtures.scratch("standalone/cache-25-violating");
    LintProcess.Result r = javaJar(JDK25, cache, violating, ".");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(NESTED_FINDING.matcher(r.stdout()).find(), r::toString);
    assertFalse(r.stderr().contains("IllegalAccessError"), r::toString);
  }

  @Test
  void jdk25_cleanProgram_exitsZero() throws Exception {
    assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
    Path cache = Fixtures.scratch("standalone/cache-25-clean");
    LintProcess.Result r = javaJar(JDK25, cache, clean, ".");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.stdout().startsWith("percpu-lint: 1 file, 0 errors, 0 warnings"), r::toString);
  }

  /**
   * docs/maven-plugin.md's {@code java -jar} block, run as written by {@code sh} in a directory
   * that holds the jar under its published name and a {@code src/main/java} with a nested entry.
   */
  @Test
  void docsJavaJarCommand_runsAsWritten() throws Exception {
    String block =
        markedBlock(LintProcess.REPO_ROOT.resolve("docs/maven-plugin.md"), "percpu-lint-jar");
    Path dir = Fixtures.scratch("standalone/docs");
    Files.copy(jar, dir.resolve(jar.getFileName()));
    Files.copy(
        violating.resolve("Nested.java"),
        Files.createDirectories(dir.resolve("src/main/java")).resolve("Nested.java"));
    Path cache = Fixtures.scratch("standalone/cache-docs");
    for (String line : block.strip().split("\n")) {
      assertTrue(line.startsWith("java -jar " + jar.getFileName() + " "), "names the jar: " + line);
      LintProcess.Result r =
          process(List.of("sh", "-c", line), cache, dir, javaHome().resolve("bin").toString());
      assertEquals(1, r.exitCode(), () -> line + "\n" + r);
      assertTrue(
          Pattern.compile("(?m)^src/main/java/Nested\\.java:7:\\d+: ERROR ")
              .matcher(r.stdout())
              .find(),
          () -> line + "\n" + r);
    }
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** {@code java -jar percpu-lint-VERSION.jar args} in {@code dir} with {@code cache} as cache. */
  private static LintProcess.Result javaJar(Path javaHome, Path cache, Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return process(command, cache, dir, null);
  }

  /**
   * @param pathFirst a directory put first on the PATH, or {@code null}
   */
  private static LintProcess.Result process(
      List<String> command, Path cache, Path dir, String pathFirst)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(LintProcess.WORK, "stdout", ".txt");
    Path err = Files.createTempFile(LintProcess.WORK, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("PERCPU_LINT_CACHE", cache.toString());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    if (pathFirst != null) {
      builder
          .environment()
          .merge("PATH", pathFirst, (path, first) -> first + File.pathSeparator + path);
    }
    Process process = builder.start();
    // A safety net against a hung compiler, not a timing assertion.
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, () -> "percpu-lint did not finish: " + command);
    return new LintProcess.Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Directories in the cache that hold an unpacked tool tree (staging leftovers do not count). */
  private static long unpackedCopies(Path cache) throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      return entries.filter(p -> Files.isDirectory(p.resolve("lib/checker"))).count();
    }
  }

  /**
   * The text of the fenced block just below {@code <!-- snippet: ROLE ... -->} in {@code markdown}
   * (the marker grammar of the docs tests).
   */
  private static String markedBlock(Path markdown, String role) throws IOException {
    List<String> lines = Files.readAllLines(markdown);
    Pattern marker =
        Pattern.compile("^\\s*<!--\\s*snippet:\\s*" + Pattern.quote(role) + "(\\s.*)?-->\\s*$");
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (marker.matcher(lines.get(i)).matches() && lines.get(i + 1).strip().startsWith("```")) {
        StringBuilder text = new StringBuilder();
        for (int j = i + 2; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
          text.append(lines.get(j).strip()).append('\n');
        }
        return text.toString();
      }
    }
    throw new IllegalArgumentException("no '" + role + "' block in " + markdown);
  }
}
