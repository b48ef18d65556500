package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Options a checker would ignore or turn into a finding are usage errors (exit 2, naming the
 * option): in CI a misspelt suppression or configuration must fail the job, never pass it.
 */
class FailClosedTest {
  private static LintProcess.Result lint(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = ".";
    return LintProcess.jar(Fixtures.tree("clean"), all);
  }

  private static void assertUsageError(LintProcess.Result r, String named) {
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.stderr().contains(named), "the message names " + named + ": " + r);
    assertEquals("", r.stdout(), "no report, so no finding: " + r);
  }

  @Test
  void unknownCheckNameInXep_exitsTwoNamingIt() throws Exception {
    assertUsageError(
        lint("--only", "errorprone", "-Xep:PerCpuNestedAcess:OFF"), "PerCpuNestedAcess");
  }

  @Test
  void errorPronesOwnCheckNames_stayAccepted() throws Exception {
    LintProcess.Result r = lint("--only", "errorprone", "-Xep:DeadException:WARN");
    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void unknownAOption_exitsTwoNamingIt() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    assertUsageError(lint("--only", "checker", "-ApercpuStrictt"), "percpuStrictt");
  }

  @Test
  void knownAOptions_stayAccepted() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    LintProcess.Result r = lint("--only", "checker", "-Awarns", "-ApercpuStrict");
    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void malformedApiMethodsValue_exitsTwoNamingTheFlag() throws Exception {
    assumeTrue(
        InstalledCheckers.errorProneChecks(), InstalledCheckers.missing("percpu-errorprone"));
    assertUsageError(
        lint("--only", "errorprone", "-XepOpt:PerCpu:ApiMethods=Shards.update"),
        "-XepOpt:PerCpu:ApiMethods");
  }

  @Test
  void malformedCheckerApiMethods_exitsTwoNamingTheFlag() throws Exception {
    assumeTrue(
        InstalledCheckers.checkerFramework(),
        InstalledCheckers.missing("the Checker Framework checker"));
    assertUsageError(
        lint("--only", "checker", "-ApercpuApiMethods=Shards.update"), "-ApercpuApiMethods");
  }

  @Test
  void invalidTypeArgumentAliasingValue_exitsTwoNamingIt() throws Exception {
    assertUsageError(
        lint("-XepOpt:PerCpu:TypeArgumentAliasing=maybe"),
        "-XepOpt:PerCpu:TypeArgumentAliasing=maybe");
  }

  @Test
  void unknownPerCpuOptionName_exitsTwoNamingIt() throws Exception {
    assertUsageError(lint("-XepOpt:PerCpu:TypeArgAliasing=false"), "TypeArgAliasing");
  }
}
