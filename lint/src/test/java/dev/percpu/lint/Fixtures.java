package dev.percpu.lint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fixture source trees under {@code src/test/resources/fixtures/}, and scratch directories. */
final class Fixtures {
  private Fixtures() {}

  static Path tree(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture tree named " + name, e);
    }
  }

  /** A fresh, empty directory under target/lint-tests. */
  static Path scratch(String name) throws IOException {
    Path dir = LintProcess.WORK.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }
}
