package dev.percpu.lint.compile;

import dev.percpu.lint.report.Finding;
import java.util.List;

/**
 * What one checker's compilation produced.
 *
 * @param findings the checker's diagnostics
 * @param unrelatedErrors javac errors that are no checker's finding (the code does not compile),
 *     formatted {@code FILE:LINE:COL: error: message}; any of them makes the run exit with status 2
 * @param toolErrors errors that belong to no source file: javac or a checker could not start (a
 *     missing processor, a bad option); also exit status 2, reported as a problem of the
 *     installation or options
 * @param usageErrors options the checker rejected or ignored (an unknown check name or {@code -A}
 *     option, an invalid {@code -XepOpt:PerCpu:} value), each naming the option; exit status 2
 */
public record CompilationOutcome(
    List<Finding> findings,
    List<String> unrelatedErrors,
    List<String> toolErrors,
    List<String> usageErrors) {}
