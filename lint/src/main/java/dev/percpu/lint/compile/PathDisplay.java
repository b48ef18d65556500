package dev.percpu.lint.compile;

import java.nio.file.Path;

/**
 * Shows a source path relative to the working directory when it lies below it, with '/' separators.
 */
public final class PathDisplay {
  private final Path workingDirectory;

  public PathDisplay(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  public String show(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.startsWith(workingDirectory)) {
      return workingDirectory.relativize(absolute).toString().replace('\\', '/');
    }
    return absolute.toString();
  }
}
