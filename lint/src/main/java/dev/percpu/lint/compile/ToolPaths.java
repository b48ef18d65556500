package dev.percpu.lint.compile;

import dev.percpu.lint.LintException;
import dev.percpu.lint.install.BundledTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The jars of each compilation: {@code lib/errorprone/} and {@code lib/checker/} are the two
 * processor paths, {@code lib/classpath/} is added to the linted code's classpath (the percpu
 * runtime and annotations, checker-qual). They come from inside {@code percpu-lint.jar} ({@link
 * BundledTools}); the system property {@code percpu.lint.home} names a directory with that {@code
 * lib/} layout instead.
 */
public record ToolPaths(
    Path home, List<Path> errorProne, List<Path> checker, List<Path> linkedLibraries) {

  public static ToolPaths locate() throws LintException {
    String configured = System.getProperty("percpu.lint.home");
    Path home = configured != null ? Path.of(configured) : BundledTools.home();
    return new ToolPaths(
        home,
        jars(home.resolve("lib/errorprone")),
        jars(home.resolve("lib/checker")),
        jars(home.resolve("lib/classpath")));
  }

  private static List<Path> jars(Path directory) throws LintException {
    if (!Files.isDirectory(directory)) {
      throw new LintException(
          "broken installation: "
              + directory
              + " is missing"
              + " (build the linter with: mvn -pl lint -am package -DskipTests)");
    }
    try (Stream<Path> list = Files.list(directory)) {
      List<Path> jars =
          list.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
      if (jars.isEmpty()) {
        throw new LintException("broken installation: no jars in " + directory);
      }
      return jars;
    } catch (IOException e) {
      throw new LintException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
