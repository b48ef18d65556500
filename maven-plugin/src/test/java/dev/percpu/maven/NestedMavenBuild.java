package dev.percpu.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code mvn} run on a scratch project against THIS build's percpu artifacts, installing nothing.
 *
 * <p>The nested build gets a local repository of its own: every entry of the user's local
 * repository is linked in, except {@code dev/percpu}, which holds what this build just made: the
 * artifacts the {@code it-repository} execution of maven-plugin/pom.xml copied, the parent POM, and
 * this plugin's jar and POM. The build runs offline: everything else it needs, the outer build
 * resolved already.
 */
final class NestedMavenBuild {
  static final Path REPO_ROOT =
      Path.of(System.getProperty("percpu.repo.root", "..")).toAbsolutePath().normalize();
  static final Path WORK =
      Path.of(System.getProperty("percpu.it.work", "target/it")).toAbsolutePath();
  static final String VERSION = System.getProperty("percpu.version", "0.1.0-SNAPSHOT");

  /** What one build printed, and its exit status. */
  record Result(int exitCode, String log) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- build log ---\n" + log;
    }
  }

  private final Path mvn;
  private final Path localRepository;

  private NestedMavenBuild(Path mvn, Path localRepository) {
    this.mvn = mvn;
    this.localRepository = localRepository;
  }

  /** Empty when there is no {@code mvn} on the PATH. */
  static Optional<NestedMavenBuild> prepare() throws IOException {
    Optional<Path> mvn = onPath("mvn");
    if (mvn.isEmpty()) {
      return Optional.empty();
    }
    Path userRepository =
        Path.of(
            System.getProperty(
                "percpu.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
    Path ours = Path.of(System.getProperty("percpu.it.repository", "target/it-repository"));
    if (!Files.isDirectory(ours.resolve("dev/percpu/percpu-lint"))) {
      throw new IllegalStateException(
          ours + " lacks percpu-lint: run this test through Maven (the it-repository execution)");
    }
    Path local = scratch("m2");
    if (Files.isDirectory(userRepository)) {
      linkAllBut(userRepository, local, "dev");
      Path dev = Files.createDirectories(local.resolve("dev"));
      if (Files.isDirectory(userRepository.resolve("dev"))) {
        linkAllBut(userRepository.resolve("dev"), dev, "percpu");
      }
    }
    copyTree(ours.resolve("dev/percpu"), local.resolve("dev/percpu"));
    install(REPO_ROOT.resolve("pom.xml"), local, "percpu-parent", "pom");
    install(
        Path.of(System.getProperty("percpu.plugin.pom", "pom.xml")),
        local,
        "percpu-maven-plugin",
        "pom");
    install(
        Path.of(
            System.getProperty(
                "percpu.plugin.jar", "target/percpu-maven-plugin-" + VERSION + ".jar")),
        local,
        "percpu-maven-plugin",
        "jar");
    return Optional.of(new NestedMavenBuild(mvn.get(), local));
  }

  /** {@code mvn -B -o goal} in {@code project}. */
  Result run(Path project, String goal) throws IOException, InterruptedException {
    List<String> command =
        List.of(mvn.toString(), "-B", "-o", "-Dmaven.repo.local=" + localRepository, goal);
    Path log = Files.createTempFile(WORK, "mvn", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    // A safety net against a hung build, not a timing assertion.
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, "the nested Maven build did not finish: " + command);
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** A fresh, empty directory under target/it. */
  static Path scratch(String name) throws IOException {
    Path dir = WORK.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir);
  }

  private static void install(Path file, Path local, String artifactId, String extension)
      throws IOException {
    Path directory =
        Files.createDirectories(local.resolve("dev/percpu/" + artifactId + "/" + VERSION));
    Files.copy(
        file,
        directory.resolve(artifactId + "-" + VERSION + "." + extension),
        StandardCopyOption.REPLACE_EXISTING);
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

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
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
