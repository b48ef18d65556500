package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built linter the way a user does, in a separate JVM: {@code java -jar percpu-lint.jar}
 * (whose manifest must carry the javac exports), or the launcher script. Paths come from surefire's
 * system properties (see lint/pom.xml).
 */
final class LintProcess {
  static final Path JAR =
      Path.of(System.getProperty("percpu.lint.jar", "target/percpu-lint.jar")).toAbsolutePath();
  static final Path LAUNCHER =
      Path.of(System.getProperty("percpu.lint.launcher", "bin/percpu-lint")).toAbsolutePath();

  /**
   * The jars the built linter carries (and unpacks at run time), as the build left them in {@code
   * target/classes} before packing them into the jar.
   */
  static final Path BUNDLED_LIB = JAR.getParent().resolve("classes/META-INF/percpu-lint/lib");

  static final Path REPO_ROOT =
      Path.of(System.getProperty("percpu.repo.root", "..")).toAbsolutePath().normalize();
  static final Path WORK =
      Path.of(System.getProperty("percpu.lint.work", "target/lint-tests")).toAbsolutePath();

  /** What one run left behind. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  private LintProcess() {}

  /** {@code java -jar percpu-lint.jar args} in {@code workingDirectory}, with the current JDK. */
  static Result jar(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    return jar(Path.of(System.getProperty("java.home")), workingDirectory, args);
  }

  /**
   * The same with the {@code java} of {@code javaHome}: the exports must come from the manifest
   * alone.
   */
  static Result jar(Path javaHome, Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    return jar(javaHome, List.of(), workingDirectory, args);
  }

  /** The same with JVM options before {@code -jar}, such as {@code -Dpercpu.lint.home=...}. */
  static Result jar(Path javaHome, List<String> jvmOptions, Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command, workingDirectory, null);
  }

  /**
   * {@code java -cp percpu-lint.jar dev.percpu.lint.Main args}: no manifest exports, so the linter
   * must restart itself with them.
   */
  static Result mainClass(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                JAR.toString(),
                "dev.percpu.lint.Main"));
    command.addAll(List.of(args));
    return run(command, workingDirectory, null);
  }

  /** {@code bin/percpu-lint args}, the launcher script. */
  static Result launcher(Path workingDirectory, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, workingDirectory, System.getProperty("java.home"));
  }

  private static Result run(List<String> command, Path workingDirectory, String javaHome)
      throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    Path out = Files.createTempFile(WORK, "stdout", ".txt");
    Path err = Files.createTempFile(WORK, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (javaHome != null) {
      builder.environment().put("JAVA_HOME", javaHome);
    }
    Process process = builder.start();
    // A safety net against a hung compiler, not a timing assertion: real runs take seconds.
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, () -> "percpu-lint did not finish: " + command);
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
