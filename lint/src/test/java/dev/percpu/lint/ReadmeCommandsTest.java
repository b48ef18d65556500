package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's commands are the ones the tests and CI run: each {@code ./script} it shows exists
 * and is executable, each {@code mvn} command is the one {@code .ci/run} runs, and the demo script
 * lints {@code samples/violations} with the launcher that {@link CommandLineTest} and {@link
 * ViolationSamplesTest} exercise.
 */
class ReadmeCommandsTest {
  private static final Path ROOT = LintProcess.REPO_ROOT;

  @Test
  void readmeScripts_existAndAreExecutable() throws IOException {
    List<String> scripts = commands().stream().filter(c -> c.startsWith("./")).toList();
    assertFalse(scripts.isEmpty(), "README.md shows no ./script command");
    for (String script : scripts) {
      Path file = ROOT.resolve(script.split("\\s+")[0].substring(2));
      assertTrue(
          Files.isExecutable(file),
          "README.md runs " + script + " but " + file + " is not executable");
    }
  }

  @Test
  void readmeMavenCommands_areWhatCiRuns() throws IOException {
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    for (String mvn : commands().stream().filter(c -> c.startsWith("mvn ")).toList()) {
      assertTrue(
          ci.lines().anyMatch(line -> line.strip().equals(mvn)),
          "README.md shows '" + mvn + "' but .ci/run does not run it:\n" + ci);
    }
  }

  @Test
  void demoScript_lintsTheViolationSamplesWithTheTestedLauncher() throws IOException {
    String demo = Files.readString(ROOT.resolve("percpu-demo"));
    assertTrue(demo.contains("lint/bin/percpu-lint samples/violations"), demo);
    assertTrue(demo.contains("-Pdemo -pl samples"), "runs the samples' demo profile: " + demo);
  }

  /** The commands in README.md's {@code sh} blocks, without trailing comments. */
  private static List<String> commands() throws IOException {
    assumeTrue(Files.exists(ROOT.resolve("README.md")), "no README.md at the repository root yet");
    List<String> commands = new ArrayList<>();
    boolean inShell = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inShell =
            !inShell && (line.equals("```sh") || line.equals("```bash") || line.equals("```shell"));
        continue;
      }
      if (inShell && !line.isBlank()) {
        int comment = line.indexOf(" #");
        commands.add((comment >= 0 ? line.substring(0, comment) : line).strip());
      }
    }
    return commands;
  }
}
