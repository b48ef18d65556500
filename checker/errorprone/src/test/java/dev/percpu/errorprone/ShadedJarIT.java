package dev.percpu.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published jar is the one jar a user puts beside Error Prone's: a plain {@code javac} process
 * whose processor path is Error Prone's own classpath plus this module's shaded jar, and nothing of
 * percpu's, finds a nested entry. Runs after {@code package} (see the pom), as the shaded jar
 * exists only then; a separate process, because in-process javac would load the checks from the
 * test classpath instead.
 */
class ShadedJarIT {

  private static final List<String> JAVAC_INTERNALS =
      List.of("api", "file", "main", "model", "parser", "processing", "tree", "util");

  @TempDir Path dir;

  @Test
  void errorProneAndThisJarAlone_findANestedEntry() throws IOException, InterruptedException {
    String shaded = System.getProperty("percpu.shaded.jar");
    // Set only in the pom's shaded-jar execution; a -Dtest pattern also selects this class earlier.
    assumeTrue(shaded != null, "runs in the shaded-jar execution, after package");
    Path jar = Path.of(shaded);
    assertTrue(Files.isRegularFile(jar), jar + " has not been built");
    Path source = dir.resolve("Nested.java");
    Files.writeString(
        source,
        """
        import dev.percpu.PerCpu;

        class Nested {
          static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);

          void nested() {
            COUNTS.with(a -> COUNTS.with(b -> b[0]++));
          }
        }
        """);
    List<String> classpath =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    // Error Prone's classpath: the test classpath's jars, without anything of percpu's, whether
    // from a local repository or, in a reactor build, from a sibling module's target/ (the model
    // and
    // percpu-qual would otherwise hide a class missing from the shaded jar).
    String errorProne =
        classpath.stream()
            .filter(e -> e.endsWith(".jar"))
            .filter(e -> !e.replace('\\', '/').contains("/dev/percpu/"))
            .filter(e -> !new File(e).getName().startsWith("percpu-"))
            .collect(Collectors.joining(File.pathSeparator));
    String runtime =
        classpath.stream()
            .filter(
                e ->
                    e.replace('\\', '/').contains("/runtime-api/target/classes")
                        || new File(e).getName().startsWith("percpu-runtime"))
            .findFirst()
            .orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    for (String pkg : JAVAC_INTERNALS) {
      command.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + pkg + "=ALL-UNNAMED");
    }
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED");
    command.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
    command.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:PerCpuNestedAccess:ERROR",
            "-processorpath",
            errorProne + File.pathSeparator + jar,
            "-classpath",
            runtime,
            "-d",
            dir.resolve("classes").toString(),
            source.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = javac.waitFor();
    assertEquals(1, status, output);
    assertTrue(output.contains("[PerCpuNestedAccess]"), output);
    assertTrue(output.contains("Nested.java:7"), output);
    assertFalse(output.contains("NoClassDefFoundError"), output);
  }
}
