package dev.percpu;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: runs a probe's {@code main} in a JVM of its own, on this test run's class and
 * module path. Tests need one where the thing under test is fixed once per JVM (a system property
 * read at class initialisation, the JIT's view of a hot path).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** What the probe printed (stdout and stderr merged) and how it exited. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code probe} with the given {@code -D} options, waiting for it to end. */
  public static Result run(Class<?> probe, String... systemProperties)
      throws IOException, InterruptedException {
    String classpath = System.getProperty("java.class.path");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classpath = classpath + File.pathSeparator + modulePath;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(systemProperties));
    command.addAll(List.of("-cp", classpath, probe.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), output);
  }
}
