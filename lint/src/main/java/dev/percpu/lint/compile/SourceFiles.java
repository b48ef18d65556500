package dev.percpu.lint.compile;

import dev.percpu.lint.LintException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code .java} files named by the command line's paths: files as given, directories walked.
 *
 * <p>{@code module-info.java} is left out: the linter compiles everything on the classpath, where a
 * module declaration's {@code requires} cannot be satisfied, and the checks have nothing to say
 * about it.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * @param paths as the user typed them, relative ones against {@code workingDirectory}
   * @return the files, absolute, normalised, sorted and without duplicates
   * @throws LintException naming the first path that does not exist or is not a Java source
   */
  public static List<Path> collect(List<Path> paths, Path workingDirectory) throws LintException {
    TreeSet<Path> files = new TreeSet<>();
    for (Path given : paths) {
      Path path = workingDirectory.resolve(given).toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new LintException("no such file or directory: " + given);
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> isLintedSource(p) && Files.isRegularFile(p)).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new LintException("cannot read directory " + given + ": " + e.getMessage(), e);
        }
      } else if (path.getFileName().toString().endsWith(".java")) {
        if (isLintedSource(path)) {
          files.add(path);
        }
      } else {
        throw new LintException("not a .java file or a directory: " + given);
      }
    }
    return new ArrayList<>(files);
  }

  private static boolean isLintedSource(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java") && !name.equals("module-info.java");
  }
}
