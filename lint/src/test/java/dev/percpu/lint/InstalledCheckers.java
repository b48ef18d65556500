package dev.percpu.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Whether the built linter carries working checkers: the two checker modules are developed
 * alongside this one, and tests that need a checker's findings are skipped, saying why, until it is
 * there.
 */
final class InstalledCheckers {
  private static final Path LIB = LintProcess.BUNDLED_LIB;

  private InstalledCheckers() {}

  static boolean errorProneChecks() {
    return jarHas(
        LIB.resolve("errorprone"),
        "percpu-errorprone",
        "META-INF/services/com.google.errorprone.bugpatterns.BugChecker");
  }

  static boolean checkerFramework() {
    return jarHas(
        LIB.resolve("checker"), "percpu-checker-", "dev/percpu/checker/PerCpuChecker.class");
  }

  static String missing(String what) {
    return what
        + " is not in the built linter yet (lint/target/classes/META-INF/percpu-lint/lib); install it and rebuild lint";
  }

  private static boolean jarHas(Path dir, String jarPrefix, String entry) {
    try (Stream<Path> jars = Files.list(dir)) {
      return jars.filter(j -> j.getFileName().toString().startsWith(jarPrefix))
          .anyMatch(
              j -> {
                try (ZipFile zip = new ZipFile(j.toFile())) {
                  return zip.getEntry(entry) != null;
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      return false;
    }
  }
}
