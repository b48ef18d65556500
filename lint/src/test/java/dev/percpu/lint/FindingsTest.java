package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.report.Finding;
import dev.percpu.lint.report.Findings;
import dev.percpu.lint.report.Severity;
import dev.percpu.lint.report.SourcePosition;
import dev.percpu.lint.report.Tool;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingsTest {
  private static Finding at(
      String file, int line, int column, Tool tool, String check, Severity severity) {
    SourcePosition p = new SourcePosition(line, column);
    return new Finding(
        file, p, p, severity, check, tool + " says " + check, tool, Optional.empty());
  }

  private static final Finding EP_NESTED =
      at("A.java", 7, 18, Tool.ERROR_PRONE, "PerCpuNestedAccess", Severity.ERROR);
  private static final Finding CF_NESTED =
      at("A.java", 7, 23, Tool.CHECKER_FRAMEWORK, "percpu:nested.entry", Severity.ERROR);

  @Test
  void sameVerdictOnTheSameLine_isOneErrorProneFindingNamingTheChecker() {
    List<Finding> merged = Findings.merge(List.of(CF_NESTED, EP_NESTED));
    assertEquals(1, merged.size(), merged::toString);
    Finding f = merged.get(0);
    assertEquals("PerCpuNestedAccess", f.check());
    assertEquals(Tool.ERROR_PRONE, f.tool());
    assertEquals(
        List.of(
            new Finding.Also(
                Tool.CHECKER_FRAMEWORK,
                "percpu:nested.entry",
                CF_NESTED.message(),
                Optional.empty())),
        f.alsoReportedBy());
    assertTrue(f.reportedBy(Tool.CHECKER_FRAMEWORK) && f.reportedBy(Tool.ERROR_PRONE));
  }

  @Test
  void otherLineOtherFileOrOtherVerdict_staySeparate() {
    List<Finding> findings =
        List.of(
            EP_NESTED,
            at("A.java", 8, 5, Tool.CHECKER_FRAMEWORK, "percpu:nested.entry", Severity.ERROR),
            at("B.java", 7, 5, Tool.CHECKER_FRAMEWORK, "percpu:nested.entry", Severity.ERROR),
            at(
                "A.java",
                7,
                5,
                Tool.CHECKER_FRAMEWORK,
                "percpu:effect.not.declared",
                Severity.ERROR),
            at(
                "A.java",
                7,
                5,
                Tool.CHECKER_FRAMEWORK,
                "percpu:possible.nested.entry",
                Severity.ERROR));
    assertEquals(findings.size(), Findings.merge(findings).size());
  }

  @Test
  void differentSeverities_staySeparate() {
    Finding warned =
        at("A.java", 7, 23, Tool.CHECKER_FRAMEWORK, "percpu:nested.entry", Severity.WARNING);
    assertEquals(2, Findings.merge(List.of(EP_NESTED, warned)).size());
  }

  @Test
  void twoOnOneLine_pairUpOneToOne() {
    Finding secondEp = at("A.java", 7, 40, Tool.ERROR_PRONE, "PerCpuNestedAccess", Severity.ERROR);
    Finding secondCf =
        at("A.java", 7, 45, Tool.CHECKER_FRAMEWORK, "percpu:nested.entry", Severity.ERROR);
    List<Finding> merged = Findings.merge(List.of(EP_NESTED, secondEp, CF_NESTED, secondCf));
    assertEquals(2, merged.size(), merged::toString);
    merged.forEach(f -> assertEquals(1, f.alsoReportedBy().size(), f::toString));
  }

  @Test
  void possibleNesting_isAWarningFromTheCheckerTooByDefault() {
    Finding cf =
        at("A.java", 7, 5, Tool.CHECKER_FRAMEWORK, "percpu:possible.nested.entry", Severity.ERROR);
    assertEquals(Severity.WARNING, Findings.alignSeverity(cf, List.of()).severity());
  }

  @Test
  void alignedSeverity_followsTheXepFlagOfTheSameVerdict() {
    Finding possible =
        at("A.java", 7, 5, Tool.CHECKER_FRAMEWORK, "percpu:possible.nested.entry", Severity.ERROR);
    assertEquals(
        Severity.ERROR,
        Findings.alignSeverity(possible, List.of("-Xep:PerCpuPossibleNestedAccess:ERROR"))
            .severity());
    assertEquals(
        Severity.WARNING,
        Findings.alignSeverity(CF_NESTED, List.of("-Xep:PerCpuNestedAccess:WARN")).severity());
    assertEquals(Severity.ERROR, Findings.alignSeverity(CF_NESTED, List.of()).severity());
  }

  @Test
  void checkSwitchedOffOrAwarns_leaveTheCheckersOwnSeverity() {
    assertEquals(
        Severity.ERROR,
        Findings.alignSeverity(CF_NESTED, List.of("-Xep:PerCpuNestedAccess:OFF")).severity());
    Finding warned =
        at(
            "A.java",
            7,
            5,
            Tool.CHECKER_FRAMEWORK,
            "percpu:possible.nested.entry",
            Severity.WARNING);
    assertEquals(
        Severity.WARNING,
        Findings.alignSeverity(warned, List.of("-Xep:PerCpuPossibleNestedAccess:ERROR"))
            .severity());
  }
}
