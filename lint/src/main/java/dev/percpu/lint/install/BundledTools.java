package dev.percpu.lint.install;

import dev.percpu.lint.LintException;
import dev.percpu.lint.report.LintVersion;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tool classpaths that the linter carries are on disk: unpacked from {@code
 * percpu-lint.jar} into the {@link ToolCache}, or, when the linter runs from a build's {@code
 * target/classes}, in place there.
 *
 * <pre>{@code
 * Path home = BundledTools.home(); // home/lib/errorprone, home/lib/checker, home/lib/classpath
 * }</pre>
 */
public final class BundledTools {
  private BundledTools() {}

  public static Path home() throws LintException {
    Path location = codeSource();
    if (Files.isDirectory(location)) {
      Path inPlace = location.resolve(ToolCache.PREFIX);
      if (!Files.isDirectory(inPlace)) {
        throw new LintException(
            "broken installation: "
                + inPlace
                + " is missing (build the linter with: mvn -pl lint -am package -DskipTests)");
      }
      return inPlace;
    }
    return new ToolCache(ToolCache.defaultRoot()).unpack(location, LintVersion.semanticVersion());
  }

  private static Path codeSource() throws LintException {
    try {
      return Path.of(
          BundledTools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new LintException(
          "cannot tell where percpu-lint is installed; set -Dpercpu.lint.home", e);
    }
  }
}
