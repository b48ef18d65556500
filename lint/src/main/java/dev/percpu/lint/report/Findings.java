package dev.percpu.lint.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the two checkers' findings together. Both implement the same nesting rule, so on most
 * mistakes both report it: the reader should see one finding naming both tools, with one severity,
 * not two differently worded lines.
 */
public final class Findings {
  /** Checker Framework message key to the Error Prone check with the same verdict. */
  private static final Map<String, String> SAME_VERDICT =
      Map.of(
          "percpu:nested.entry", "PerCpuNestedAccess",
          "percpu:possible.nested.entry", "PerCpuPossibleNestedAccess",
          "percpu:blocking.while.pinned", "PerCpuBlockingWhilePinned",
          "percpu:oneachcpu.while.pinned", "PerCpuOnEachCpuWhilePinned");

  /** The severity each of those checks has when no {@code -Xep} flag changes it. */
  private static final Map<String, Severity> DEFAULT_SEVERITY =
      Map.of(
          "PerCpuNestedAccess", Severity.ERROR,
          "PerCpuPossibleNestedAccess", Severity.WARNING,
          "PerCpuBlockingWhilePinned", Severity.WARNING,
          "PerCpuOnEachCpuWhilePinned", Severity.ERROR);

  private Findings() {}

  /** The Error Prone check that gives the same verdict as {@code finding}, if there is one. */
  public static Optional<String> errorProneEquivalent(Finding finding) {
    return finding.tool() == Tool.CHECKER_FRAMEWORK
        ? Optional.ofNullable(SAME_VERDICT.get(finding.check()))
        : Optional.empty();
  }

  /**
   * The Checker Framework reports every finding as an error (or, with {@code -Awarns}, every one as
   * a warning); Error Prone's checks carry their own severity, which {@code -Xep:NAME:SEVERITY}
   * changes. So that one verdict has one severity, a Checker Framework finding with an Error Prone
   * equivalent takes that check's severity, unless the checker was told to report only warnings. A
   * check switched {@code OFF} says nothing about severity: the checker's own stays.
   */
  public static Finding alignSeverity(Finding finding, List<String> errorProneFlags) {
    Optional<String> equivalent = errorProneEquivalent(finding);
    if (equivalent.isEmpty() || finding.severity() != Severity.ERROR) {
      return finding;
    }
    Optional<Severity> configured = errorProneSeverity(equivalent.get(), errorProneFlags);
    if (configured.isEmpty() || configured.get() == finding.severity()) {
      return finding;
    }
    return new Finding(
        finding.file(),
        finding.start(),
        finding.end(),
        configured.get(),
        finding.check(),
        finding.message(),
        finding.tool(),
        finding.docs(),
        finding.alsoReportedBy());
  }

  /** Empty when the check is off. The last flag naming the check wins, as in Error Prone. */
  static Optional<Severity> errorProneSeverity(String check, List<String> errorProneFlags) {
    Optional<Severity> severity = Optional.of(DEFAULT_SEVERITY.get(check));
    for (String flag : errorProneFlags) {
      if (flag.equals("-Xep:" + check) || flag.equals("-Xep:" + check + ":DEFAULT")) {
        severity = Optional.of(DEFAULT_SEVERITY.get(check));
      } else if (flag.equals("-Xep:" + check + ":ERROR")) {
        severity = Optional.of(Severity.ERROR);
      } else if (flag.equals("-Xep:" + check + ":WARN")) {
        severity = Optional.of(Severity.WARNING);
      } else if (flag.equals("-Xep:" + check + ":OFF")) {
        severity = Optional.empty();
      }
    }
    return severity;
  }

  /**
   * One finding per verdict and place: an Error Prone finding and a Checker Framework finding with
   * the same verdict, file, line and severity become one Error Prone finding that names the other
   * report in {@link Finding#alsoReportedBy()}. Several on one line pair up in column order. The
   * result is in {@link Finding#REPORT_ORDER}.
   */
  public static List<Finding> merge(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Finding.REPORT_ORDER);
    List<Finding> checker = new ArrayList<>();
    for (Finding f : sorted) {
      if (errorProneEquivalent(f).isPresent()) {
        checker.add(f);
      }
    }
    List<Finding> merged = new ArrayList<>();
    for (Finding f : sorted) {
      if (f.tool() == Tool.CHECKER_FRAMEWORK) {
        continue;
      }
      Optional<Finding> partner =
          checker.stream()
              .filter(
                  c ->
                      c.file().equals(f.file())
                          && c.start().line() == f.start().line()
                          && c.severity() == f.severity()
                          && errorProneEquivalent(c).get().equals(f.check()))
              .min(Comparator.comparingLong(c -> c.start().column()));
      if (partner.isPresent()) {
        Finding c = partner.get();
        checker.remove(c);
        List<Finding.Also> also = new ArrayList<>(f.alsoReportedBy());
        also.add(new Finding.Also(c.tool(), c.check(), c.message(), c.docs()));
        merged.add(
            new Finding(
                f.file(),
                f.start(),
                f.end(),
                f.severity(),
                f.check(),
                f.message(),
                f.tool(),
                f.docs(),
                also));
      } else {
        merged.add(f);
      }
    }
    // Checker Framework findings that found no partner, and those with no equivalent check.
    for (Finding f : sorted) {
      if (f.tool() == Tool.CHECKER_FRAMEWORK
          && (errorProneEquivalent(f).isEmpty() || checker.contains(f))) {
        merged.add(f);
      }
    }
    merged.sort(Finding.REPORT_ORDER);
    return merged;
  }
}
