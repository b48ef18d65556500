package dev.percpu.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.lint.cli.LintOptions;
import dev.percpu.lint.cli.OptionsParser;
import dev.percpu.lint.cli.ReportFile;
import dev.percpu.lint.cli.UsageException;
import dev.percpu.lint.report.ReportFormat;
import dev.percpu.lint.report.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {
  @Test
  void defaults_areTextBothToolsNoOutput() throws UsageException {
    LintOptions options = OptionsParser.parse(List.of("src"));
    assertEquals(List.of(Path.of("src")), options.paths());
    assertEquals(ReportFormat.TEXT, options.format());
    assertEquals(EnumSet.allOf(Tool.class), options.tools());
    assertEquals(Optional.empty(), options.output());
    assertEquals("", options.classpath());
  }

  @Test
  void allOptions_separateAndInlineValues() throws UsageException {
    LintOptions options =
        OptionsParser.parse(
            List.of(
                "--classpath",
                "a.jar:b.jar",
                "--format=sarif",
                "-o",
                "out.sarif",
                "--only",
                "checker",
                "--release=21",
                "a",
                "b"));
    assertEquals("a.jar:b.jar", options.classpath());
    assertEquals(ReportFormat.SARIF, options.format());
    assertEquals(Optional.of(Path.of("out.sarif")), options.output());
    assertEquals(EnumSet.of(Tool.CHECKER_FRAMEWORK), options.tools());
    assertEquals(Optional.of("21"), options.release());
    assertEquals(List.of(Path.of("a"), Path.of("b")), options.paths());
  }

  @Test
  void xepAndAFlags_passThroughToTheirTools() throws UsageException {
    LintOptions options =
        OptionsParser.parse(
            List.of(
                "-Xep:PerCpuPossibleNestedAccess:OFF",
                "-Awarns",
                "-XepOpt:Foo=bar",
                "-AskipUses=Gen",
                "src"));
    assertEquals(
        List.of("-Xep:PerCpuPossibleNestedAccess:OFF", "-XepOpt:Foo=bar"),
        options.errorProneFlags());
    assertEquals(List.of("-Awarns", "-AskipUses=Gen"), options.checkerFlags());
  }

  @Test
  void doubleDash_makesTheRestPaths() throws UsageException {
    assertEquals(
        List.of(Path.of("--format")), OptionsParser.parse(List.of("--", "--format")).paths());
  }

  @Test
  void unknownOption_isNamed() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> OptionsParser.parse(List.of("--frmat", "json", "src")));
    assertTrue(e.getMessage().contains("'--frmat'"), e.getMessage());
  }

  @Test
  void badFormat_namesTheValueAndTheChoices() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> OptionsParser.parse(List.of("--format", "xml", "src")));
    assertEquals("--format must be text, json or sarif, not 'xml'", e.getMessage());
  }

  @Test
  void badOnly_namesTheValue() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> OptionsParser.parse(List.of("--only", "pmd", "src")));
    assertEquals("--only must be errorprone or checker, not 'pmd'", e.getMessage());
  }

  @Test
  void optionWithoutValue_isAnError() {
    UsageException e =
        assertThrows(UsageException.class, () -> OptionsParser.parse(List.of("src", "--output")));
    assertEquals("--output needs a value", e.getMessage());
  }

  @Test
  void noPath_isAnError() {
    UsageException e =
        assertThrows(UsageException.class, () -> OptionsParser.parse(List.of("--format", "json")));
    assertTrue(e.getMessage().startsWith("no PATH given"), e.getMessage());
  }

  @Test
  void help_needsNoPath() throws UsageException {
    assertTrue(OptionsParser.parse(List.of("--help")).help());
  }

  @Test
  void defaults_noDocsLinkAndEmptyTreesRejected() throws UsageException {
    LintOptions options = OptionsParser.parse(List.of("src"));
    assertEquals(Optional.empty(), options.docsBaseUrl());
    assertFalse(options.allowEmpty());
  }

  @Test
  void allowEmptyAndDocsUrl_areParsed() throws UsageException {
    LintOptions options =
        OptionsParser.parse(
            List.of("--allow-empty", "--docs-url=https://example.org/percpu/docs/", "src"));
    assertTrue(options.allowEmpty());
    assertEquals(Optional.of("https://example.org/percpu/docs/"), options.docsBaseUrl());
  }

  @Test
  void docsUrlThatIsNotAnAbsoluteHttpUrl_isNamed() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> OptionsParser.parse(List.of("--docs-url", "docs/", "src")));
    assertTrue(e.getMessage().startsWith("--docs-url takes an absolute"), e.getMessage());
    assertTrue(e.getMessage().contains("'docs/'"), e.getMessage());
  }

  @Test
  void unknownPerCpuFlagName_isNamed() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> OptionsParser.parse(List.of("-XepOpt:PerCpu:ApiMethod=a#b=fresh", "src")));
    assertTrue(e.getMessage().contains("'-XepOpt:PerCpu:ApiMethod=a#b=fresh'"), e.getMessage());
  }

  @Test
  void invalidPerCpuFlagValues_areNamed() {
    for (String flag :
        List.of(
            "-XepOpt:PerCpu:TypeArgumentAliasing=maybe",
            "-XepOpt:PerCpu:DocsUrl=not a url",
            "-XepOpt:PerCpu:ApiMethods=",
            "-XepOpt:PerCpu:EnteringMethods=",
            "-XepOpt:PerCpu:BlockingMethods=",
            "-XepOpt:PerCpu:TypeArgumentAliasing")) {
      UsageException e =
          assertThrows(UsageException.class, () -> OptionsParser.parse(List.of(flag, "src")));
      assertTrue(e.getMessage().contains("'" + flag + "'"), e.getMessage());
    }
  }

  @Test
  void validPerCpuFlags_passThrough() throws UsageException {
    List<String> flags =
        List.of(
            "-XepOpt:PerCpu:TypeArgumentAliasing=false",
            "-XepOpt:PerCpu:DocsUrl=https://example.org/docs/",
            "-XepOpt:PerCpu:ApiMethods=com.acme.Shards#update=entering:1:0",
            "-XepOpt:PerCpu:EnteringMethods=com.acme.LoadingCache#get=map-compute:1:concurrent",
            "-XepOpt:PerCpu:BlockingMethods=com.acme.Rpc#call,com.acme.Rpc#<init>");
    List<String> args = new ArrayList<>(flags);
    args.add("src");
    assertEquals(flags, OptionsParser.parse(args).errorProneFlags());
  }

  @Test
  void report_addsAFileReportBesideTheMainOne() throws UsageException {
    LintOptions options =
        OptionsParser.parse(
            List.of("--report", "sarif=out/percpu.sarif", "--report=text=percpu.txt", "src"));
    assertEquals(
        List.of(
            new ReportFile(ReportFormat.SARIF, Path.of("out/percpu.sarif")),
            new ReportFile(ReportFormat.TEXT, Path.of("percpu.txt"))),
        options.reports());
    assertEquals(ReportFormat.TEXT, options.format());
  }

  @Test
  void report_withoutAFormatOrFile_isAUsageErrorQuotingIt() {
    for (String bad : List.of("percpu.sarif", "xml=percpu.xml", "sarif=")) {
      UsageException e =
          assertThrows(
              UsageException.class, () -> OptionsParser.parse(List.of("--report", bad, ".")));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void argumentFile_standsForItsLinesOneArgumentEach(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("args");
    Files.writeString(file, "--classpath\na b.jar:c.jar\n\nsrc/main/java\n");
    LintOptions options = OptionsParser.parse(List.of("--only", "checker", "@" + file, "more"));
    assertEquals("a b.jar:c.jar", options.classpath());
    assertEquals(List.of(Path.of("src/main/java"), Path.of("more")), options.paths());
    assertEquals(EnumSet.of(Tool.CHECKER_FRAMEWORK), options.tools());
  }

  @Test
  void argumentFile_afterDoubleDash_isAPath() throws UsageException {
    assertEquals(List.of(Path.of("@src")), OptionsParser.parse(List.of("--", "@src")).paths());
  }

  @Test
  void argumentFile_missing_isAUsageErrorNamingIt() {
    UsageException e =
        assertThrows(UsageException.class, () -> OptionsParser.parse(List.of("@no/such/args")));
    assertTrue(e.getMessage().contains("no/such/args"), e.getMessage());
  }
}
