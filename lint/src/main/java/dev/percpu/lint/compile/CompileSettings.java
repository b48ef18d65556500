package dev.percpu.lint.compile;

import dev.percpu.lint.report.DocsLinks;
import java.util.List;
import java.util.Optional;

/**
 * What every compilation of one run shares.
 *
 * @param classpath the user's classpath for the linted code, in the platform's path syntax; may be
 *     empty
 * @param release a {@code --release} value, or empty for the running JDK's language level
 * @param errorProneFlags {@code -Xep...} flags appended to the Error Prone plugin argument
 * @param checkerFlags {@code -A...} options for the Checker Framework compilation
 */
public record CompileSettings(
    String classpath,
    Optional<String> release,
    List<String> errorProneFlags,
    List<String> checkerFlags,
    PathDisplay paths,
    DocsLinks docs,
    Progress progress) {}
