package dev.percpu.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.errorprone.MapPrograms.Outcome;
import dev.percpu.errorprone.MapPrograms.Program;
import dev.percpu.errorprone.MapPrograms.Verdict;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ConcurrentModificationException;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime oracle of the map checks: every program of {@link MapPrograms} is compiled with plain
 * javac and run on this JDK, and what it does must be what the catalogue says; and what it says
 * must agree with the checks' verdict (a definite finding throws, or is a contract break the JDK
 * does not detect; a clean program runs clean).
 */
class MapRuntimeOracleTest {

  static Stream<Program> programs() {
    return MapPrograms.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void runningTheProgram_behavesAsCatalogued(Program program, @TempDir Path dir) throws Exception {
    // An undetected contract break runs to the end like a clean program: the catalogue, not the
    // run, says which of the two it is.
    Outcome expected = program.outcome() == Outcome.UNDETECTED ? Outcome.CLEAN : program.outcome();
    assertEquals(expected, run(program, dir), program.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void cataloguedOutcome_agreesWithVerdict(Program program) {
    switch (program.verdict()) {
      case DEFINITE ->
          assertTrue(
              EnumSet.of(
                      Outcome.RECURSIVE_UPDATE, Outcome.CONCURRENT_MODIFICATION, Outcome.UNDETECTED)
                  .contains(program.outcome()),
              program.name() + ": a definite finding must break the map");
      case CLEAN -> assertEquals(Outcome.CLEAN, program.outcome(), program.name());
      case POSSIBLE -> {} // a possible finding may or may not break the map on this run
    }
    String source = String.join("\n", program.source());
    assertEquals(
        program.verdict() == Verdict.DEFINITE,
        source.contains(MapPrograms.DEFINITE),
        program.name() + ": definite marker");
    assertEquals(
        program.verdict() == Verdict.POSSIBLE,
        source.contains(MapPrograms.POSSIBLE),
        program.name() + ": possible marker");
  }

  private static Outcome run(Program program, Path dir) throws Exception {
    Path source = dir.resolve("Test.java");
    Files.write(source, List.of(program.source()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", dir.toString(), source.toString());
    assertEquals(0, rc, program.name() + " does not compile");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      Method run = loader.loadClass("Test").getDeclaredMethod("run");
      run.setAccessible(true);
      try {
        run.invoke(null);
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof IllegalStateException && "Recursive update".equals(t.getMessage())) {
          return Outcome.RECURSIVE_UPDATE;
        }
        if (t instanceof ConcurrentModificationException) {
          return Outcome.CONCURRENT_MODIFICATION;
        }
        throw new AssertionError(program.name() + " threw something unexpected", t);
      }
    }
    return Outcome.CLEAN;
  }
}
