package dev.percpu.lint.cli;

import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line.
 *
 * @param paths files and directories whose {@code .java} files are linted
 * @param reports further reports, each written to its own file
 * @param allowEmpty whether a tree with no {@code .java} file is a clean run rather than a usage
 *     error (a CI job pointed at the wrong directory must not pass silently)
 * @param tools the checkers to run, in order (Error Prone first: it is the faster one, and a
 *     compilation error it meets makes the slower run pointless)
 */
public record LintOptions(
    List<Path> paths,
    String classpath,
    ReportFormat format,
    Optional<Path> output,
    List<ReportFile> reports,
    Set<Tool> tools,
    List<String> errorProneFlags,
    List<String> checkerFlags,
    Optional<String> release,
    Optional<String> docsBaseUrl,
    boolean allowEmpty,
    boolean help,
    boolean version) {}
