package dev.percpu.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds two small projects with Maven, each set up with exactly the {@code maven-pom} snippets of
 * docs/maven-plugin.md, against this build's plugin and linter: one with a nested entry, whose
 * build must fail with the finding in the log and the SARIF written, and a clean one, whose build
 * must pass with an empty SARIF report.
 */
class MavenPluginIT {
  private static final Path DOC = NestedMavenBuild.REPO_ROOT.resolve("docs/maven-plugin.md");
  private static final Pattern LOGGED_FINDING =
      Pattern.compile(
          "(?m)^\\[ERROR\\] src/main/java/com/example/Nested\\.java:7:\\d+: ERROR \\[[A-Za-z.:]+\\] ");

  private static NestedMavenBuild maven;

  @BeforeAll
  static void prepare() throws IOException {
    maven = NestedMavenBuild.prepare().orElse(null);
    assumeTrue(maven != null, "no 'mvn' on the PATH: cannot run the nested builds");
  }

  @Test
  void violatingProject_failsTheBuildWithTheFindingLoggedAndTheSarifWritten() throws Exception {
    Path project =
        project(
            "violating",
            "Nested",
            "    counts.with(outer -> counts.with(inner -> inner[0] += outer[0]));");
    NestedMavenBuild.Result r = maven.run(project, "verify");

    assertNotEquals(0, r.exitCode(), r::toString);
    assertTrue(
        r.log().contains("percpu-maven-plugin:" + NestedMavenBuild.VERSION + ":lint"), r::toString);
    assertTrue(LOGGED_FINDING.matcher(r.log()).find(), r::toString);
    assertTrue(r.log().contains("percpu-lint found error-level findings"), r::toString);

    JsonNode results = sarifResults(project);
    assertTrue(results.size() >= 1, results::toString);
    assertEquals("error", results.get(0).path("level").asString(), results::toString);
    assertEquals(
        "src/main/java/com/example/Nested.java",
        results
            .get(0)
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("artifactLocation")
            .path("uri")
            .asString());
    String text = Files.readString(project.resolve("target/percpu/percpu.txt"));
    assertTrue(text.contains("src/main/java/com/example/Nested.java:7:"), text);
  }

  @Test
  void cleanProject_buildsWithAnEmptySarifReport() throws Exception {
    Path project = project("clean", "Counter", "    counts.with(c -> c[0]++);");
    NestedMavenBuild.Result r = maven.run(project, "verify");

    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.log().contains("[INFO] percpu-lint: 1 file, 0 errors, 0 warnings"), r::toString);
    assertEquals(0, sarifResults(project).size());
    assertTrue(
        Files.readString(project.resolve("target/percpu/percpu.txt"))
            .startsWith("percpu-lint: 1 file, 0 errors, 0 warnings"));
  }

  /**
   * A project whose pom.xml is the doc's snippets around a minimal skeleton, with one class whose
   * method body is {@code statement}, on line 7.
   */
  private static Path project(String name, String className, String statement) throws IOException {
    Path project = NestedMavenBuild.scratch(name);
    Files.writeString(project.resolve("pom.xml"), pom());
    Path source =
        Files.createDirectories(project.resolve("src/main/java/com/example"))
            .resolve(className + ".java");
    Files.writeString(
        source,
        String.join(
            "\n",
            "package com.example;",
            "",
            "import dev.percpu.PerCpu;",
            "",
            "class " + className + " {",
            "  void count(PerCpu<long[]> counts) {",
            statement,
            "  }",
            "}",
            ""));
    return project;
  }

  /**
   * The skeleton: coordinates, the runtime the code uses, and the plugin versions the outer build
   * has resolved (so the nested one runs offline). The snippets go in unchanged: the properties
   * snippet's entries join the skeleton's, and the build snippet gets the skeleton's {@code
   * pluginManagement}.
   */
  private static String pom() throws IOException {
    List<String> snippets = DocSnippets.ofRole(DOC, "maven-pom");
    String properties =
        snippets.stream()
            .filter(s -> s.strip().startsWith("<properties>"))
            .findFirst()
            .orElseThrow();
    String build =
        snippets.stream().filter(s -> s.strip().startsWith("<build>")).findFirst().orElseThrow();
    String propertyEntries =
        properties.strip().replaceFirst("^<properties>", "").replaceFirst("</properties>$", "");
    String pluginManagement =
        String.join(
            "\n",
            "<pluginManagement>",
            "  <plugins>",
            plugin("maven-resources-plugin", "3.3.1"),
            plugin("maven-compiler-plugin", "3.14.1"),
            plugin("maven-surefire-plugin", "3.5.4"),
            plugin("maven-jar-plugin", "3.4.2"),
            "  </plugins>",
            "</pluginManagement>");
    return String.join(
        "\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>com.example</groupId>",
        "  <artifactId>my-app</artifactId>",
        "  <version>1.0-SNAPSHOT</version>",
        "  <properties>",
        "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>",
        "    <maven.compiler.release>17</maven.compiler.release>",
        propertyEntries,
        "  </properties>",
        "  <dependencies>",
        "    <dependency>",
        "      <groupId>dev.percpu</groupId>",
        "      <artifactId>percpu-runtime</artifactId>",
        "      <version>${percpu.version}</version>",
        "    </dependency>",
        "  </dependencies>",
        build.strip().replaceFirst("^<build>", "<build>\n" + pluginManagement),
        "</project>",
        "");
  }

  private static String plugin(String artifactId, String version) {
    return "    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>"
        + artifactId
        + "</artifactId><version>"
        + version
        + "</version></plugin>";
  }

  private static JsonNode sarifResults(Path project) throws IOException {
    Path sarif = project.resolve("target/percpu/percpu.sarif");
    assertTrue(Files.isRegularFile(sarif), sarif + " was not written");
    JsonNode results =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(sarif))
            .path("runs")
            .get(0)
            .path("results");
    assertTrue(results.isArray(), "no results array in " + sarif);
    return results;
  }
}
