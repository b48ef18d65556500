package dev.percpu.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Lints the project's Java sources with both percpu checkers ({@code percpu-lint}), writes the
 * reports to {@code target/percpu/} ({@code percpu.sarif} and {@code percpu.txt} by default),
 * prints every finding to the build log, and fails the build on an error-level finding.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.percpu</groupId>
 *   <artifactId>percpu-maven-plugin</artifactId>
 *   <version>${percpu.version}</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>lint</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>The linter runs as {@code java -jar percpu-lint.jar} in a JVM of its own: its jar (this
 * plugin's only dependency) opens javac's internals to Error Prone and the Checker Framework
 * through its manifest, so the project needs no {@code .mvn/jvm.config}; the two tools and their
 * Guava copies stay out of Maven's class loaders; and a checker that crashes or runs out of memory
 * fails this goal, not the build's JVM.
 */
@Mojo(
    name = "lint",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public class LintMojo extends AbstractMojo {
  private static final String LINT_ARTIFACT = "dev.percpu:percpu-lint";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /** Report paths are relative to this directory (the checkout root in CI). */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
  private File executionRoot;

  /** Skips the goal. */
  @Parameter(property = "percpu.skip", defaultValue = "false")
  private boolean skip;

  /** Fails the build when the linter reports an error-level finding. */
  @Parameter(property = "percpu.failOnError", defaultValue = "true")
  private boolean failOnError;

  /** Also lints the test sources (with the test classpath). */
  @Parameter(property = "percpu.includeTests", defaultValue = "false")
  private boolean includeTests;

  /** Also lints source roots under the build directory, such as annotation processors' output. */
  @Parameter(property = "percpu.includeGeneratedSources", defaultValue = "false")
  private boolean includeGeneratedSources;

  /** Report formats to write: {@code sarif}, {@code text}, {@code json}. */
  @Parameter(property = "percpu.formats", defaultValue = "sarif,text")
  private List<String> formats;

  /** Where the reports go: {@code percpu.sarif}, {@code percpu.txt}, {@code percpu.json}. */
  @Parameter(defaultValue = "${project.build.directory}/percpu", required = true)
  private File outputDirectory;

  /** {@code --release} for the linter's compilations; empty for the running JDK's. */
  @Parameter(property = "percpu.release", defaultValue = "${maven.compiler.release}")
  private String release;

  /** Run only one checker: {@code errorprone} or {@code checker}. */
  @Parameter(property = "percpu.only")
  private String only;

  /** Error Prone flags such as {@code -Xep:PerCpuPossibleNestedAccess:ERROR}. */
  @Parameter private List<String> errorProneFlags;

  /** Checker Framework options such as {@code -ApercpuApiMethods=...}. */
  @Parameter private List<String> checkerOptions;

  /** Base URL of a copy of the percpu docs that findings link to. */
  @Parameter(property = "percpu.docsUrl")
  private String docsUrl;

  /** The {@code java} that runs the linter (a JDK 17 or newer). */
  @Parameter(property = "percpu.jvm", defaultValue = "${java.home}/bin/java")
  private File jvm;

  /** Options for the linter's JVM, such as {@code -Xmx2g}. */
  @Parameter private List<String> jvmArgs;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("percpu-lint is skipped (percpu.skip)");
      return;
    }
    List<Path> roots = sourceRoots();
    if (roots.isEmpty()) {
      getLog().info("percpu-lint: no Java source directory to lint");
      return;
    }
    Path output = outputDirectory.toPath();
    Path argumentFile = output.resolve("percpu-lint.args");
    Path stderr = output.resolve("percpu-lint.log");
    LintInvocation invocation =
        new LintInvocation(
            roots,
            classpath(),
            nonBlank(release).filter(r -> !r.startsWith("${")),
            ReportFormats.files(formats, output),
            orEmpty(errorProneFlags),
            orEmpty(checkerOptions),
            nonBlank(only),
            nonBlank(docsUrl));
    List<String> command =
        LintInvocation.command(jvm.toPath(), orEmpty(jvmArgs), lintJar(), argumentFile);
    try {
      Files.createDirectories(output);
      Files.write(argumentFile, invocation.arguments(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("percpu: cannot write " + argumentFile + ": " + e, e);
    }
    getLog().debug("percpu-lint: " + String.join(" ", command));
    int status = run(command, stderr);
    switch (status) {
      case 0 -> {}
      case 1 -> {
        String message =
            "percpu-lint found error-level findings; reports in "
                + output
                + " (set percpu.failOnError=false to report without failing)";
        if (failOnError) {
          throw new MojoFailureException(message);
        }
        getLog().warn(message);
      }
      default ->
          throw new MojoExecutionException(
              "percpu-lint could not lint the project (exit status "
                  + status
                  + "; see the errors above, and "
                  + stderr
                  + "); to reproduce: "
                  + String.join(" ", command));
    }
  }

  /** Runs the linter, logging its report as it comes and its messages at the end. */
  private int run(List<String> command, Path stderr) throws MojoExecutionException {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(executionRoot)
              .redirectError(stderr.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new MojoExecutionException("percpu: cannot start " + command.get(0) + ": " + e, e);
    }
    try (BufferedReader report =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      ReportLog.Level level = ReportLog.Level.INFO;
      for (String line; (line = report.readLine()) != null; ) {
        level = ReportLog.levelOf(line, level);
        switch (level) {
          case ERROR -> getLog().error(line);
          case WARNING -> getLog().warn(line);
          case INFO -> getLog().info(line);
        }
      }
      int status = process.waitFor();
      for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
        if (status >= 2) {
          getLog().error(line);
        } else {
          getLog().warn(line);
        }
      }
      return status;
    } catch (IOException e) {
      process.destroyForcibly();
      throw new MojoExecutionException("percpu: cannot read the linter's output: " + e, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("percpu: interrupted while the linter ran", e);
    }
  }

  private List<Path> sourceRoots() {
    Set<String> roots = new LinkedHashSet<>(project.getCompileSourceRoots());
    if (includeTests) {
      roots.addAll(project.getTestCompileSourceRoots());
    }
    Path buildDirectory = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    List<Path> existing = new ArrayList<>();
    for (String root : roots) {
      Path path = Path.of(root).toAbsolutePath().normalize();
      if (!Files.isDirectory(path)) {
        continue;
      }
      if (path.startsWith(buildDirectory) && !includeGeneratedSources) {
        getLog().debug("percpu-lint: skipping generated sources in " + path);
        continue;
      }
      existing.add(path);
    }
    return existing;
  }

  private List<String> classpath() throws MojoExecutionException {
    try {
      return includeTests
          ? project.getTestClasspathElements()
          : project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("percpu: the project's classpath is not resolved", e);
    }
  }

  private Path lintJar() throws MojoExecutionException {
    Map<String, Artifact> artifacts = plugin.getArtifactMap();
    Artifact lint = artifacts.get(LINT_ARTIFACT);
    if (lint == null || lint.getFile() == null) {
      throw new MojoExecutionException(
          "percpu: the plugin's dependency " + LINT_ARTIFACT + " is not resolved");
    }
    return lint.getFile().toPath();
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
