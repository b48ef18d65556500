package dev.percpu.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of {@code percpu-lint} for a project: the argument file it reads (one argument per line,
 * so that no classpath is too long for the OS) and the {@code java -jar} command that runs it.
 *
 * <pre>{@code
 * LintInvocation run = new LintInvocation(
 *     List.of(Path.of("src/main/java")), List.of("target/classes"), Optional.of("17"),
 *     Map.of(ReportFormats.SARIF, Path.of("target/percpu/percpu.sarif")),
 *     List.of(), List.of(), Optional.empty(), Optional.empty());
 * Files.write(argumentFile, run.arguments());
 * new ProcessBuilder(run.command(java, List.of(), lintJar, argumentFile));
 * }</pre>
 *
 * @param reports report files by format name ({@code text}, {@code json}, {@code sarif})
 * @param errorProneFlags {@code -Xep...} flags, passed through
 * @param checkerOptions {@code -A...} options for the Checker Framework checker, passed through
 * @param only {@code errorprone} or {@code checker} to run one checker
 */
record LintInvocation(
    List<Path> sourceRoots,
    List<String> classpath,
    Optional<String> release,
    Map<String, Path> reports,
    List<String> errorProneFlags,
    List<String> checkerOptions,
    Optional<String> only,
    Optional<String> docsUrl) {

  /** The linter's arguments, one per line of the argument file. */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    if (!classpath.isEmpty()) {
      args.add("--classpath");
      args.add(String.join(File.pathSeparator, classpath));
    }
    release.ifPresent(r -> args.addAll(List.of("--release", r)));
    only.ifPresent(o -> args.addAll(List.of("--only", o)));
    docsUrl.ifPresent(u -> args.addAll(List.of("--docs-url", u)));
    reports.forEach((format, file) -> args.addAll(List.of("--report", format + "=" + file)));
    args.addAll(errorProneFlags);
    args.addAll(checkerOptions);
    // A module whose source directory holds no .java file yet is a clean run, not a usage error:
    // these paths come from the project model, not from a command line that could be misspelt.
    args.add("--allow-empty");
    args.add("--");
    sourceRoots.forEach(root -> args.add(root.toString()));
    return args;
  }

  /** {@code java [jvmArgs] -jar lintJar @argumentFile}. */
  static List<String> command(Path java, List<String> jvmArgs, Path lintJar, Path argumentFile) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", lintJar.toString(), "@" + argumentFile));
    return command;
  }
}
