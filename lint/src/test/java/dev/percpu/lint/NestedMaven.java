package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Maven builds of user projects against THIS build's percpu artifacts, the way a user who installed
 * percpu would run them, with nothing installed anywhere.
 *
 * <p>The nested builds get a local repository of their own: every entry of the user's local
 * repository is linked in, except {@code dev/percpu}, which holds the artifacts this build just
 * resolved (copied by lint/pom.xml's {@code example-repository} execution) and the parent pom.
 */
final class NestedMaven {
  static final String PERCPU_VERSION = "0.1.0-SNAPSHOT";

  private final Path mvn;
  private final Path userRepository;
  private final Path localRepository;

  private NestedMaven(Path mvn, Path userRepository, Path localRepository) {
    this.mvn = mvn;
    this.userRepository = userRepository;
    this.localRepository = localRepository;
  }

  /**
   * A private local repository under target/lint-tests/{@code name}; skips the calling test when
   * there is no {@code mvn} or the tests were not started by Maven.
   */
  static NestedMaven prepare(String name) throws IOException {
    Path mvn = onPath("mvn").orElse(null);
    assumeTrue(mvn != null, "no 'mvn' on the PATH: cannot run a nested Maven build");
    Path userRepository =
        Path.of(
            System.getProperty(
                "percpu.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
    Path ours =
        Path.of(System.getProperty("percpu.example.repository", "target/example-repository"));
    assumeTrue(
        Files.isDirectory(ours.resolve("dev/percpu/percpu-runtime")),
        "lint/pom.xml's example-repository execution did not run (run the tests through Maven)");

    Path localRepository = Fixtures.scratch(name);
    if (Files.isDirectory(userRepository)) {
      linkAllBut(userRepository, localRepository, "dev");
      Path dev = Files.createDirectories(localRepository.resolve("dev"));
      if (Files.isDirectory(userRepository.resolve("dev"))) {
        linkAllBut(userRepository.resolve("dev"), dev, "percpu");
      }
    }
    copyTree(ours.resolve("dev/percpu"), localRepository.resolve("dev/percpu"));
    Path parent =
        Files.createDirectories(
            localRepository.resolve("dev/percpu/percpu-parent/" + PERCPU_VERSION));
    Files.copy(
        LintProcess.REPO_ROOT.resolve("pom.xml"),
        parent.resolve("percpu-parent-" + PERCPU_VERSION + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    return new NestedMaven(mvn, userRepository, localRepository);
  }

  /** The jar of {@code groupId:artifactId:version} in the private repository. */
  Path jar(String groupId, String artifactId, String version) {
    Path jar =
        localRepository
            .resolve(groupId.replace('.', '/'))
            .resolve(artifactId)
            .resolve(version)
            .resolve(artifactId + "-" + version + ".jar");
    assertTrue(Files.isRegularFile(jar), () -> jar + " is not in the private repository");
    return jar;
  }

  /** The user's local repository, which the private one links to. */
  Path userRepository() {
    return userRepository;
  }

  /**
   * {@code mvn -B args} in {@code project}, offline first. Error Prone's processor path may ask for
   * a version the reactor pins differently, so on a machine that never fetched it the build goes
   * online once.
   */
  LintProcess.Result build(Path project, String... args) throws IOException, InterruptedException {
    LintProcess.Result offline = run(project, true, args);
    if (offline.exitCode() != 0 && offline.stdout().contains("in offline mode")) {
      return run(project, false, args);
    }
    return offline;
  }

  private LintProcess.Result run(Path project, boolean offline, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(mvn.toString(), "-B", "-Dmaven.repo.local=" + localRepository));
    if (offline) {
      command.add("-o");
    }
    command.addAll(List.of(args));
    Files.createDirectories(LintProcess.WORK);
    Path log = Files.createTempFile(LintProcess.WORK, "mvn", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Maven 3.8's jansi writes colour resets even with -B; the log is read as plain text.
    Map<String, String> env = builder.environment();
    env.put("MAVEN_OPTS", "-Djansi.noreset=true " + env.getOrDefault("MAVEN_OPTS", ""));
    Process process = builder.start();
    // A safety net against a hung build, not a timing assertion: real builds take seconds.
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, "the nested Maven build did not finish: " + command);
    return new LintProcess.Result(
        process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path relative = from.relativize(source);
        if (relative.startsWith("target")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void linkAllBut(Path from, Path to, String except) throws IOException {
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().equals(except)) {
          Files.createSymbolicLink(
              to.resolve(entry.getFileName().toString()), entry.toAbsolutePath());
        }
      }
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
