package dev.percpu.lint;

import static java.util.stream.Collectors.toCollection;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.MarkdownSnippets.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every fenced block of README.md, docs/user-guide.md and docs/checker/manual.md is run, or says
 * why it cannot be (see {@link MarkdownSnippets} for the markers and {@link SnippetProject} for how
 * the Maven and Java snippets become a project):
 *
 * <ul>
 *   <li>the guide's pom, {@code .mvn/jvm.config} and Java snippets, assembled into a fresh project
 *       exactly as written, build with {@code mvn verify} against this build's artifacts and run
 *       their JUnit 5 tests (Maven 3.8's default Surefire would run none and still succeed);
 *   <li>the snippets that show a mistake, planted into that project, fail its Error Prone
 *       compilation and its Checker Framework execution, each with the finding the snippet names;
 *   <li>the manual's {@code javac} commands run with only the two documented jars per tool on the
 *       processor path;
 *   <li>the guide's linter command lints the guide's sources, and its synopsis is the linter's.
 * </ul>
 *
 * <p>Nothing is installed: the nested builds use a private local repository ({@link NestedMaven}).
 */
class DocSnippetsTest {
  private static final List<String> DOCS =
      List.of("README.md", "docs/user-guide.md", "docs/checker/manual.md");

  /** Roles whose blocks some test below runs; plus {@code not-run REASON}. */
  private static final Set<String> ROLES =
      Set.of(
          "maven-pom",
          "jvm-config",
          "java-file",
          "java-members",
          "java-statements",
          "javac-checker",
          "javac-errorprone",
          "lint-command",
          "lint-usage",
          "output-of");

  private static final Pattern PATH_FILE = Pattern.compile("(\\S+\\.java)=(\\w+)");

  private static List<Snippet> snippets;
  private static NestedMaven maven;
  private static Path clean;
  private static Path planted;

  @BeforeAll
  static void assembleProjects() throws IOException {
    snippets = new ArrayList<>();
    for (String doc : DOCS) {
      snippets.addAll(MarkdownSnippets.of(LintProcess.REPO_ROOT.resolve(doc)));
    }
    clean = Fixtures.scratch("docs-clean");
    SnippetProject.write(clean, snippets.stream().filter(s -> !isMistake(s)).toList());
    planted = Fixtures.scratch("docs-planted");
    SnippetProject.write(planted, snippets);
  }

  @Test
  void everyBlock_hasARoleThatATestRuns_orSaysWhyNot() {
    assertAll(
        snippets.stream()
            .map(
                s ->
                    () ->
                        assertTrue(
                            ROLES.contains(s.role())
                                || (s.role().equals("not-run") && s.rest().length() > 10),
                            s.where()
                                + ": role '"
                                + s.role()
                                + "' is none of "
                                + ROLES
                                + ", nor 'not-run' with a reason")));
  }

  @Test
  void guideProject_buildsAndRunsItsJUnit5Tests() throws Exception {
    LintProcess.Result r = maven().build(clean, "verify");
    assertEquals(0, r.exitCode(), r::toString);
    int[] counts = surefireCounts(clean.resolve("target/surefire-reports"));
    assertTrue(counts[0] > 0, "Surefire ran no test:\n" + r);
    assertEquals(0, counts[1], "failed tests:\n" + r);
    assertTrue(
        r.stdout().contains("--- maven-compiler-plugin:3.14.1:compile (percpu-checker)"),
        () -> "the checker's execution did not run:\n" + r);
    // The snippets that show correct code compile without a finding of any check.
    List<String> findings =
        r.stdout().lines().filter(l -> l.matches("\\[(WARNING|ERROR)] /.*\\.java:.*")).toList();
    assertEquals(List.of(), findings, r::toString);
  }

  @Test
  void guideSourceFiles_areTheExampleProjectsFiles() throws IOException {
    Path example = LintProcess.REPO_ROOT.resolve("docs/examples/maven");
    for (Snippet file : ofRole("java-file")) {
      Path copy = example.resolve(file.rest());
      if (Files.exists(copy)) {
        assertEquals(Files.readString(copy), file.text(), file.where() + " differs from " + copy);
      }
    }
  }

  @Test
  void plantedMistakes_failTheErrorProneCompilation() throws Exception {
    List<Snippet> mistakes = mistakes("errorprone");
    LintProcess.Result r = maven().build(planted, "compile");
    assertNotEquals(0, r.exitCode(), r::toString);
    assertFindings(mistakes, "errorprone", r.stdout(), "[ERROR]");
  }

  @Test
  void plantedMistakes_failTheCheckerExecution() throws Exception {
    List<Snippet> mistakes = mistakes("checker");
    // The checker's execution alone: the default compilation would stop at Error Prone's errors.
    LintProcess.Result r = maven().build(planted, "compiler:compile@percpu-checker");
    assertNotEquals(0, r.exitCode(), r::toString);
    assertFindings(mistakes, "checker", r.stdout(), "[ERROR]");
  }

  @Test
  void javacCommands_needOnlyTheDocumentedJars() throws Exception {
    List<Snippet> commands =
        snippets.stream()
            .filter(s -> s.role().equals("javac-checker") || s.role().equals("javac-errorprone"))
            .toList();
    assertTrue(commands.stream().anyMatch(s -> s.role().equals("javac-checker")), "none shown");
    assertTrue(commands.stream().anyMatch(s -> s.role().equals("javac-errorprone")), "none shown");
    String errorProne = errorProneClasspath();
    for (Snippet command : commands) {
      Path sandbox = Fixtures.scratch("docs-" + command.role());
      linkJars(sandbox);
      Matcher source = PATH_FILE.matcher(command.rest());
      assertTrue(source.find(), command.where() + ": name the source, FILE.java=CLASS");
      String file = source.group(1);
      Snippet mistake = mistakeClass(source.group(2), command);
      // The mistake's class under the file's name, as the reader would save it.
      String className =
          file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
      Files.writeString(
          sandbox.resolve(file),
          SnippetProject.compilationUnit(
              className, SnippetProject.classBodies(snippets).get(source.group(2))));
      LintProcess.Result r = shell(sandbox, command.text(), Map.of("ERROR_PRONE_CP", errorProne));
      String tool = command.role().equals("javac-checker") ? "checker" : "errorprone";
      String key = "[" + mistake.argument(tool) + "]";
      assertEquals(1, r.exitCode(), command + "\n" + r);
      assertFalse(r.stdout().contains("NoClassDefFoundError"), command + "\n" + r);
      assertTrue(
          r.stdout().lines().anyMatch(l -> l.startsWith(file + ":") && l.contains(key)),
          command + " did not report " + key + " in " + file + "\n" + r);
      for (String line : r.stdout().lines().filter(l -> l.contains(": error: ")).toList()) {
        assertTrue(
            line.contains(key),
            command + ": an error the doc does not mention: " + line + "\n" + r);
      }
      for (Snippet output : outputsOf(command.role())) {
        assertTrue(
            withoutLineNumbers(r.stdout()).contains(withoutLineNumbers(output.text())),
            output.where() + " shows output that " + command + " does not print:\n" + r);
      }
    }
  }

  @Test
  void lintCommand_lintsTheGuideSourcesIntoValidSarif() throws Exception {
    List<Snippet> commands = ofRole("lint-command");
    for (Snippet command : commands) {
      Path sandbox = Fixtures.scratch("docs-lint");
      Files.createSymbolicLink(sandbox.resolve("lint"), LintProcess.REPO_ROOT.resolve("lint"));
      NestedMaven.copyTree(
          clean.resolve("src/main/java"), sandbox.resolve("path/to/src/main/java"));
      LintProcess.Result r = shell(sandbox, command.text(), Map.of());
      assertEquals(0, r.exitCode(), command + "\n" + r);
      Path sarif = sandbox.resolve("percpu.sarif");
      assertTrue(Files.isRegularFile(sarif), command + " wrote no percpu.sarif\n" + r);
      String violations = Schemas.violations(Schemas.SARIF, Files.readString(sarif));
      assertEquals("", violations, command + ": percpu.sarif is not valid SARIF");
    }
  }

  @Test
  void lintUsage_listsTheLintersOptions() throws Exception {
    LintProcess.Result help = LintProcess.jar(LintProcess.WORK, "--help");
    assertEquals(0, help.exitCode(), help::toString);
    Pattern option = Pattern.compile("\\[(-[^\\]]+)]");
    for (Snippet usage : ofRole("lint-usage")) {
      Matcher m = option.matcher(usage.text());
      int count = 0;
      while (m.find()) {
        count++;
        String shown = m.group(1).replaceAll("\\s+", " ");
        assertTrue(
            normalised(help.stdout()).contains(shown),
            usage.where() + " shows [" + shown + "], which --help does not:\n" + help.stdout());
      }
      assertTrue(count > 0, usage.where() + " shows no [--option]");
    }
  }

  @Test
  void docs_linkNoRepositoryThatDoesNotExist() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String doc : DOCS) {
      files.add(LintProcess.REPO_ROOT.resolve(doc));
    }
    files.add(LintProcess.REPO_ROOT.resolve("docs/schema/percpu-lint-report.schema.json"));
    for (Path file : files) {
      String text = Files.readString(file);
      assertFalse(
          text.contains("github.com/percpu"),
          file + " names github.com/percpu, a repository the project does not have");
    }
  }

  /** The nested builds' Maven, prepared once; skips the test where there is none. */
  private static NestedMaven maven() throws IOException {
    if (maven == null) {
      maven = NestedMaven.prepare("docs-m2");
    }
    return maven;
  }

  /** A class-body snippet that shows a mistake: it names the finding each tool must report. */
  private static boolean isMistake(Snippet s) {
    return s.argument("errorprone") != null || s.argument("checker") != null;
  }

  private static List<Snippet> mistakes(String tool) {
    List<Snippet> mistakes =
        snippets.stream()
            .filter(DocSnippetsTest::isMistake)
            .filter(s -> s.argument(tool) != null)
            .toList();
    assertFalse(mistakes.isEmpty(), "no snippet shows a mistake that " + tool + " reports");
    return mistakes;
  }

  private static Snippet mistakeClass(String className, Snippet command) {
    return snippets.stream()
        .filter(DocSnippetsTest::isMistake)
        .filter(s -> SnippetProject.className(s).equals(className))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(command.where() + ": no mistake snippet of class " + className));
  }

  /**
   * Each mistake's class is reported by {@code tool} with the key its snippet names, on a line of
   * javac's or Maven's output (Maven: {@code [ERROR] /path/Class.java:[L,C] [Key] ...}).
   */
  private static void assertFindings(
      List<Snippet> mistakes, String tool, String output, String prefix) {
    Set<String> classes =
        mistakes.stream().map(SnippetProject::className).collect(toCollection(LinkedHashSet::new));
    for (String c : classes) {
      String key =
          mistakes.stream()
              .filter(s -> SnippetProject.className(s).equals(c))
              .map(s -> s.argument(tool))
              .findFirst()
              .orElseThrow();
      assertTrue(
          output
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith(prefix)
                          && l.contains(c + ".java:")
                          && l.contains("[" + key + "]")),
          tool + " did not report [" + key + "] in " + c + ".java:\n" + output);
    }
  }

  private static List<Snippet> ofRole(String role) {
    List<Snippet> of = snippets.stream().filter(s -> s.role().equals(role)).toList();
    assertFalse(of.isEmpty(), "no block of role " + role + " in " + DOCS);
    return of;
  }

  private static List<Snippet> outputsOf(String role) {
    return snippets.stream()
        .filter(s -> s.role().equals("output-of") && s.rest().equals(role))
        .toList();
  }

  private static String normalised(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * Output compared without its line numbers, which depend on the imports the reader's file has.
   */
  private static String withoutLineNumbers(String text) {
    return normalised(text).replaceAll("(\\.java:|at line )\\d+", "$1N");
  }

  /**
   * The sandbox holds each jar the commands name, under the name they use: {@code checker-3.54.0
   * .jar} as Maven Central ships it, and percpu's jars from this build.
   */
  private static void linkJars(Path sandbox) throws IOException {
    Path central = maven().userRepository();
    Map<String, Path> jars =
        Map.of(
            "checker-3.54.0.jar",
            central.resolve("org/checkerframework/checker/3.54.0/checker-3.54.0.jar"),
            "checker-qual-3.54.0.jar",
            central.resolve("org/checkerframework/checker-qual/3.54.0/checker-qual-3.54.0.jar"),
            "percpu-checker.jar",
            maven().jar("dev.percpu", "percpu-checker", NestedMaven.PERCPU_VERSION),
            "percpu-errorprone.jar",
            maven().jar("dev.percpu", "percpu-errorprone", NestedMaven.PERCPU_VERSION),
            "percpu-runtime.jar",
            maven().jar("dev.percpu", "percpu-runtime", NestedMaven.PERCPU_VERSION),
            "percpu-qual.jar",
            maven().jar("dev.percpu", "percpu-qual", NestedMaven.PERCPU_VERSION));
    for (Map.Entry<String, Path> jar : jars.entrySet()) {
      assertTrue(Files.isRegularFile(jar.getValue()), jar.getValue() + " is missing");
      Files.createSymbolicLink(sandbox.resolve(jar.getKey()), jar.getValue());
    }
  }

  /**
   * {@code error_prone_core} and its dependencies, as the guide tells the reader to get them:
   * resolved by Maven from a pom that depends on it.
   */
  private static String errorProneClasspath() throws Exception {
    Path project = Fixtures.scratch("docs-errorprone-classpath");
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>error-prone-classpath</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>com.google.errorprone</groupId>
              <artifactId>error_prone_core</artifactId>
              <version>2.42.0</version>
            </dependency>
          </dependencies>
        </project>
        """);
    LintProcess.Result r =
        maven()
            .build(
                project,
                "-q",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.outputFile=cp.txt");
    assertEquals(0, r.exitCode(), r::toString);
    String cp = Files.readString(project.resolve("cp.txt")).strip();
    assertTrue(cp.contains("error_prone_core-2.42.0.jar"), cp);
    return cp;
  }

  /** Runs a doc's command as the reader's shell would, in {@code directory}. */
  private static LintProcess.Result shell(Path directory, String script, Map<String, String> env)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(LintProcess.WORK, "sh", ".log");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    String javaHome = System.getProperty("java.home");
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().put("PATH", javaHome + "/bin:" + System.getenv("PATH"));
    Process process = builder.start();
    // A safety net against a hung compiler, not a timing assertion: real runs take seconds.
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertTrue(finished, "did not finish: " + script);
    return new LintProcess.Result(
        process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
  }

  /** {tests run, failures + errors} over Surefire's XML reports; none is no test. */
  private static int[] surefireCounts(Path reports) throws Exception {
    int[] counts = new int[2];
    if (!Files.isDirectory(reports)) {
      return counts; // Surefire 2.12 with JUnit 5 tests: "Tests run: 0", and no report at all
    }
    try (Stream<Path> files = Files.list(reports)) {
      for (Path xml : files.filter(f -> f.getFileName().toString().startsWith("TEST-")).toList()) {
        Element suite =
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile())
                .getDocumentElement();
        counts[0] += Integer.parseInt(suite.getAttribute("tests"));
        counts[1] +=
            Integer.parseInt(suite.getAttribute("failures"))
                + Integer.parseInt(suite.getAttribute("errors"));
      }
    }
    return counts;
  }
}
