package dev.percpu.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.checkerframework.framework.test.TestConfiguration;
import org.checkerframework.framework.test.TestConfigurationBuilder;
import org.checkerframework.framework.test.TestUtilities;
import org.checkerframework.framework.test.TypecheckExecutor;
import org.checkerframework.framework.test.TypecheckResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the Checker Framework's per-directory harness over {@code tests/<dir>}: every {@code // ::
 * error: [key]} expectation must be reported on the next line, and nothing else. Each directory is
 * one javac run, so the directories are few.
 */
class PerCpuCheckerTest {

  static TypecheckResult typecheck(String dir, String... options) {
    List<File> files = TestUtilities.findRelativeNestedJavaFiles(new File("tests"), dir);
    TestConfiguration config =
        TestConfigurationBuilder.buildDefaultConfiguration(
            "tests", files, List.of(PerCpuChecker.class.getName()), List.of(options), false);
    return new TypecheckExecutor().runTest(config);
  }

  static void assertExpectations(String dir, String... options) {
    TypecheckResult result = typecheck(dir, options);
    assertFalse(result.didTestFail(), result.summarize());
  }

  @Test
  void nestingCases_matchTheirExpectations() {
    assertExpectations("percpu");
  }

  @Test
  void blockingWhilePinned_isReportedForEachKindAndRegion() {
    assertExpectations("blocking");
  }

  @Test
  void configuredBlockingMethods_areReportedWhilePinned() {
    assertExpectations("blockingconfigured", "-ApercpuBlockingMethods=ConfiguredBlocking.Rpc#call");
  }

  @Test
  void modularEffects_checkBodiesAgainstDeclarationsDefaultsAndOverriddenMethods() {
    assertExpectations("modular");
  }

  @Test
  void suppressWarnings_silencesByPrefixAndByKeyOnly() {
    assertExpectations("suppressed");
  }

  @Test
  void skipUses_leavesCallsToMatchingClassesUnchecked() {
    assertExpectations("skipuses", "-AskipUses=^dev\\.percpu\\.PerCpuToken$");
  }

  @Test
  void skipDefs_leavesMatchingClassesUnchecked() {
    assertExpectations("skipdefs", "-AskipDefs=Generated");
  }

  @Test
  void strictMode_requiresDeclaredEffectsOnVisibleMethods() {
    assertExpectations("strict", "-ApercpuStrict");
  }

  @Test
  void configuredApiMethods_areUnderstoodLikeAnnotations() {
    assertExpectations(
        "configured", "-ApercpuApiMethods=Shards#update=entering:1:0, Shards#later=deferred:0");
  }

  @Test
  void malformedApiMethodsOption_isACleanError() {
    assertExpectations("options", "-ApercpuApiMethods=com.acme.Shards#update=entering:x");
  }

  /**
   * The harness compares keys only (it passes {@code -Anomsgtext}), so the message texts are
   * checked on a plain javac run.
   */
  @Test
  void messages_areTheModelsTextsNamingBothEntriesAndTheDefault() {
    assertExpectations("messages");
    List<String> texts = messagesOf("messages");
    String all = String.join("\n", texts);
    assertTrue(
        texts.stream()
            .anyMatch(
                t ->
                    t.contains("[nested.entry] Nested entry of `COUNTS.clone()`")
                        && t.contains("already entered by the `with` at line 8")
                        && t.contains("PerCpuNestingException")),
        all);
    assertTrue(
        texts.stream()
            .anyMatch(
                t ->
                    t.contains("[possible.nested.entry] Possible nested entry: parameter `into`")
                        && t.contains("(parameter `from`)")
                        && t.contains("with @Distinct")),
        all);
    assertTrue(
        texts.stream()
            .anyMatch(
                t ->
                    t.contains("entered again via `process(")
                        && t.contains("compiled elsewhere without @Enters")),
        all);
  }

  /** A pin a helper holds around the closure it runs is named as the Error Prone check names it. */
  @Test
  void blockingMessages_nameThePinAHelperHoldsAroundTheClosure() {
    List<String> texts = messagesOf("blocking");
    String all = String.join("\n", texts);
    for (String expected :
        List.of(
            "CompletableFuture.join may block while pinned by the CpuGuard in the try at line 14"
                + " inside `pinned()`;",
            "pinned by the CpuGuard in the try at line 14 inside `pinned()` inside"
                + " `throughPinned()`;",
            "CompletableFuture.join may block while pinned by the with() at line 20 inside"
                + " `counted()`;",
            "CpuGuard.onEachCpu is called while pinned by the CpuGuard in the try at line 14 inside"
                + " `pinned()`;")) {
      assertTrue(texts.stream().anyMatch(t -> t.contains(expected)), expected + "\n" + all);
    }
  }

  /**
   * A non-private method that pins around a closure parameter is followed by its callers in its
   * class as a private helper is; in strict mode it is also reported at its declaration, naming the
   * parameter, the pin as seen in its body and the fixes. An override is reported in every mode.
   */
  @Test
  void nonPrivatePinningHelper_isFollowedByCallersHereAndReportedAtItsDeclarationInStrictMode() {
    assertMessages(
        messagesOf("blocking"),
        "`execute` of an anonymous class runs its closure parameter `task` while pinned by"
            + " the CpuGuard in the try at line 82, and callers of"
            + " java.util.concurrent.Executor.execute, the method it overrides, cannot see it:"
            + " they take the closure to run unpinned, so a blocking call in a closure they"
            + " pass is not reported. Run the closure after the pin",
        "CompletableFuture.join may block while pinned by the CpuGuard in the try at line 23"
            + " inside `pinned()`;",
        "CompletableFuture.join may block while pinned by the CpuGuard in the try at line 50"
            + " inside `privatePinned()` inside `throughPrivate()`;");
    assertMessages(
        messagesOf("strict", "-ApercpuStrict"),
        "StrictPinningHelpers.pinned runs its closure parameter `r` while pinned"
            + " by the CpuGuard in the try at line 19, and callers in other files cannot see"
            + " it",
        "Run the closure after the pin, make pinned() private, or, if every caller is in this"
            + " top-level class (the checker follows those), suppress this with"
            + " @SuppressWarnings(\"percpu\")",
        "StrictPinningHelpers.throughPrivate runs its closure parameter `r` while"
            + " pinned by the CpuGuard in the try at line 37 inside `privatePinned()`,");
    assertTrue(
        messagesOf("blocking").stream()
            .noneMatch(t -> t.contains("runs its closure parameter `r`")),
        "a non-private helper's declaration is reported only in strict mode");
  }

  private static void assertMessages(List<String> texts, String... expected) {
    String all = String.join("\n", texts);
    for (String e : expected) {
      assertTrue(texts.stream().anyMatch(t -> t.contains(e)), e + "\n" + all);
    }
  }

  private static List<String> messagesOf(String dir, String... extraOptions) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<File> sources = TestUtilities.findRelativeNestedJavaFiles(new File("tests"), dir);
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-proc:only",
                  "-processor",
                  PerCpuChecker.class.getName(),
                  "-cp",
                  System.getProperty("java.class.path")));
      options.addAll(List.of(extraOptions));
      javac
          .getTask(
              null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources))
          .call();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  @Test
  void erroneousCode_getsJavacErrorsAndNoCrash() {
    TypecheckResult result = typecheck("erroneous");
    List<Diagnostic<? extends JavaFileObject>> diagnostics = result.getActualDiagnostics();
    assertTrue(
        diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR),
        "javac should report the broken code");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String text = d.getMessage(Locale.ROOT);
      assertFalse(
          text.contains("crashed") || text.contains("BugInCF") || text.contains("analysis.failed"),
          "the checker failed instead of reporting: " + text);
    }
  }
}
