package dev.percpu.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The report files the goal writes: {@code percpu.sarif}, {@code percpu.txt} and {@code
 * percpu.json} in the output directory, for the formats the user asked for.
 */
final class ReportFormats {
  static final String SARIF = "sarif";
  static final String TEXT = "text";
  static final String JSON = "json";

  private static final Map<String, String> FILE_NAMES =
      Map.of(SARIF, "percpu.sarif", TEXT, "percpu.txt", JSON, "percpu.json");

  private ReportFormats() {}

  /**
   * @throws MojoExecutionException naming the parameter when a format is not one of the three
   */
  static Map<String, Path> files(List<String> formats, Path outputDirectory)
      throws MojoExecutionException {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String format : formats) {
      String name = format.strip().toLowerCase(Locale.ROOT);
      if (!FILE_NAMES.containsKey(name)) {
        throw new MojoExecutionException(
            "percpu: <formats> takes sarif, text and json, not '" + format + "'");
      }
      files.put(name, outputDirectory.resolve(FILE_NAMES.get(name)));
    }
    return files;
  }
}
