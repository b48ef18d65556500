package dev.percpu.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class LintInvocationTest {
  @Test
  void arguments_passEverythingAndEndWithTheRootsAfterDoubleDash() {
    Map<String, Path> reports = new LinkedHashMap<>();
    reports.put("sarif", Path.of("/p/target/percpu/percpu.sarif"));
    reports.put("text", Path.of("/p/target/percpu/percpu.txt"));
    LintInvocation run =
        new LintInvocation(
            List.of(Path.of("/p/src/main/java"), Path.of("/p/-odd")),
            List.of("/p/target/classes", "/r/dep.jar"),
            Optional.of("17"),
            reports,
            List.of("-Xep:PerCpuPossibleNestedAccess:ERROR"),
            List.of("-Awarns"),
            Optional.of("checker"),
            Optional.of("https://example.com/docs/"));
    assertEquals(
        List.of(
            "--classpath",
            "/p/target/classes" + File.pathSeparator + "/r/dep.jar",
            "--release",
            "17",
            "--only",
            "checker",
            "--docs-url",
            "https://example.com/docs/",
            "--report",
            "sarif=/p/target/percpu/percpu.sarif",
            "--report",
            "text=/p/target/percpu/percpu.txt",
            "-Xep:PerCpuPossibleNestedAccess:ERROR",
            "-Awarns",
            "--allow-empty",
            "--",
            "/p/src/main/java",
            "/p/-odd"),
        run.arguments());
  }

  @Test
  void arguments_leaveOutWhatIsNotSet() {
    LintInvocation run =
        new LintInvocation(
            List.of(Path.of("src")),
            List.of(),
            Optional.empty(),
            Map.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertEquals(List.of("--allow-empty", "--", "src"), run.arguments());
  }

  @Test
  void command_runsTheJarWithTheArgumentFile() {
    assertEquals(
        List.of("/jdk/bin/java", "-Xmx1g", "-jar", "/m2/percpu-lint.jar", "@/p/percpu-lint.args"),
        LintInvocation.command(
            Path.of("/jdk/bin/java"),
            List.of("-Xmx1g"),
            Path.of("/m2/percpu-lint.jar"),
            Path.of("/p/percpu-lint.args")));
  }

  @Test
  void formats_mapToTheirFilesInOrder() throws MojoExecutionException {
    Path out = Path.of("/p/target/percpu");
    assertEquals(
        List.of(out.resolve("percpu.txt"), out.resolve("percpu.sarif")),
        List.copyOf(ReportFormats.files(List.of("text", " SARIF"), out).values()));
  }

  @Test
  void formats_unknown_failsNamingTheParameterAndValue() {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class,
            () -> ReportFormats.files(List.of("sarif", "xml"), Path.of("out")));
    assertTrue(
        e.getMessage().contains("<formats>") && e.getMessage().contains("'xml'"), e::toString);
  }
}
