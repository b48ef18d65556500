package dev.percpu.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Methods of other compilation units of the same javac invocation are summarised like methods of
 * the same file; the findings do not depend on the order of the files, and compiling the helper's
 * file first with {@code @Enters} on the boundary gives the same finding.
 */
class CrossUnitNestingTest {

  private final CompilationTestHelper nested =
      CompilationTestHelper.newInstance(PerCpuNestedAccess.class, getClass());
  private final CompilationTestHelper possible =
      CompilationTestHelper.newInstance(PerCpuPossibleNestedAccess.class, getClass());

  private static final String[] STATS = {
    "import dev.percpu.*;",
    "final class Stats {",
    "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
    "  static void bump() { COUNTS.with(c -> c[0]++); }",
    "  static void bumpBoth(PerCpu<long[]> h) { h.with(c -> c[0]++); }",
    "  static void quiet(PerCpu<long[]> h) { h.getClass(); }",
    "}"
  };

  private static final String[] RELAY = {
    "final class Relay {", "  static void relay() { Stats.bump(); }", "}"
  };

  private static final String[] CALLER = {
    "import dev.percpu.*;",
    "class Caller {",
    "  void direct() {",
    "    Stats.COUNTS.with(a -> Stats.bump());",
    "  }",
    "  void throughParameter(PerCpu<long[]> h) {",
    "    h.with(a -> Stats.bumpBoth(h));",
    "  }",
    "  void throughTwoFiles() {",
    "    Stats.COUNTS.with(a -> Relay.relay());",
    "  }",
    "  void entersNothing(PerCpu<long[]> h) {",
    "    h.with(a -> Stats.quiet(h));",
    "  }",
    "}"
  };

  @Test
  void helperInAnotherFileThatEnters_isDefinite() {
    nested
        .addSourceLines("Stats.java", STATS)
        .addSourceLines("Relay.java", RELAY)
        .addSourceLines(
            "Caller.java",
            "import dev.percpu.*;",
            "class Caller {",
            "  void direct() {",
            "    // BUG: Diagnostic contains: entered again via `bump()` (`with` at line 4)",
            "    Stats.COUNTS.with(a -> Stats.bump());",
            "  }",
            "  void throughParameter(PerCpu<long[]> h) {",
            "    // BUG: Diagnostic contains: Nested entry of parameter `h`",
            "    h.with(a -> Stats.bumpBoth(h));",
            "  }",
            "  void throughTwoFiles() {",
            "    // BUG: Diagnostic contains: via `relay()` (`bump()` at line 2 → `with` at line 4)",
            "    Stats.COUNTS.with(a -> Relay.relay());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void helperInAnotherFileThatEntersNothing_isClean() {
    nested.addSourceLines("Stats.java", STATS).addSourceLines("Relay.java", RELAY);
    possible.addSourceLines("Stats.java", STATS).addSourceLines("Relay.java", RELAY);
    String[] caller = {
      "import dev.percpu.*;",
      "class Caller {",
      "  void entersNothing(PerCpu<long[]> h) {",
      "    h.with(a -> Stats.quiet(h));",
      "  }",
      "}"
    };
    nested.addSourceLines("Caller.java", caller).doTest();
    possible.addSourceLines("Caller.java", caller).doTest();
  }

  @Test
  void helperInAnotherFileThatRunsItsClosure_runsItNow() {
    nested
        .addSourceLines(
            "Run.java", "final class Run {", "  static void now(Runnable r) { r.run(); }", "}")
        .addSourceLines(
            "Caller.java",
            "import dev.percpu.*;",
            "class Caller {",
            "  void run(PerCpu<long[]> h) {",
            "    h.with(a -> Run.now(() -> {",
            "      // BUG: Diagnostic contains: Nested entry of parameter `h`",
            "      h.with(b -> b[0]++);",
            "    }));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void underAnotherCompilePolicy_otherFilesAreReadAsClassFiles() {
    // Only -XDcompilePolicy=simple attributes every file before any is checked; otherwise
    // another file may be unattributed or already lowered, so its methods are read as declared.
    possible
        .setArgs("-XDcompilePolicy=byfile")
        .addSourceLines("Stats.java", STATS)
        .addSourceLines("Relay.java", RELAY)
        .addSourceLines(
            "Caller.java",
            "import dev.percpu.*;",
            "class Caller {",
            "  void throughParameter(PerCpu<long[]> h) {",
            "    // BUG: Diagnostic contains: compiled elsewhere without @Enters",
            "    h.with(a -> Stats.bumpBoth(h));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void unusualCodeInAnotherFile_isSummarisedWithoutCrashing() {
    // The module's tests rethrow any analysis failure, so a crash in the other file's summary
    // fails this test rather than silencing the caller's findings.
    nested
        .addSourceLines(
            "Odd.java",
            "import dev.percpu.*;",
            "import java.util.*;",
            "import java.util.function.*;",
            "abstract class Odd<T extends Comparable<T>> implements Runnable {",
            "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
            "  enum Mode { A { @Override void hit() { COUNTS.with(c -> c[0]++); } }, B; void hit() {} }",
            "  record Pair(PerCpu<long[]> left, int n) { Pair { Objects.requireNonNull(left); } }",
            "  sealed interface Shape permits Sq {}",
            "  record Sq(int s) implements Shape {}",
            "  abstract T pick(T a, T b);",
            "  static int area(Shape s) { return s instanceof Sq q ? q.s() * q.s() : switch (q0()) { case 1 -> 1; default -> { yield 0; } }; }",
            "  static int q0() { return 1; }",
            "  static void local(PerCpu<long[]> h) {",
            "    class Hit implements Consumer<long[]> { public void accept(long[] v) { v[0]++; } }",
            "    h.with(new Hit());",
            "    new Thread(() -> h.with(v -> v[0]++)).start();",
            "  }",
            "  static void varargs(PerCpu<long[]>... hs) { for (PerCpu<long[]> h : hs) h.with(v -> v[0]++); }",
            "  static <R> R generic(Supplier<R> s) { return s.get(); }",
            "  static void recurse(int n) { if (n > 0) recurse(n - 1); else COUNTS.with(c -> c[0]++); }",
            "  public void run() { Mode.A.hit(); }",
            "}")
        .addSourceLines(
            "Caller.java",
            "import dev.percpu.*;",
            "class Caller {",
            "  void run(PerCpu<long[]> h) {",
            "    Odd.COUNTS.with(a -> {",
            "      Odd.local(h);",
            "      Odd.generic(() -> 1);",
            "      Odd.area(new Odd.Sq(2));",
            "      // BUG: Diagnostic contains: via `varargs()`",
            "      Odd.varargs(Odd.COUNTS);",
            "      // BUG: Diagnostic contains: via `recurse()`",
            "      Odd.recurse(3);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] HOLDER = {
    "import dev.percpu.*;",
    "final class Holder {",
    "  private static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
    "  static PerCpu<long[]> counts() { return COUNTS; }",
    "  static PerCpu<long[]> fresh() { return PerCpu.allocate(() -> new long[1]); }",
    "}"
  };

  @Test
  void resultOfAMethodInAnotherFile_isWhatItReturns() {
    nested
        .addSourceLines("Holder.java", HOLDER)
        .addSourceLines(
            "Caller.java",
            "class Caller {",
            "  void run() {",
            "    Holder.counts().with(a -> {",
            "      // BUG: Diagnostic contains: Nested entry of `COUNTS`",
            "      Holder.counts().with(b -> b[0]++);",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void freshAllocationsOfAFactoryInAnotherFile_areDistinct() {
    possible
        .addSourceLines("Holder.java", HOLDER)
        .addSourceLines(
            "Caller.java",
            "class Caller {",
            "  void run() {",
            "    Holder.fresh().with(a -> Holder.fresh().with(b -> b[0]++));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cycleBetweenTwoFiles_isSummarisedWithoutLooping() {
    nested
        .addSourceLines(
            "Ping.java",
            "import dev.percpu.*;",
            "final class Ping {",
            "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
            "  static void ping(int n) { if (n > 0) Pong.pong(n - 1); else COUNTS.with(c -> c[0]++); }",
            "}")
        .addSourceLines(
            "Pong.java",
            "final class Pong {",
            "  static void pong(int n) { Ping.ping(n); }",
            "  void run() {",
            "    // BUG: Diagnostic contains: Nested entry of `COUNTS`",
            "    Ping.COUNTS.with(a -> Ping.ping(2));",
            "  }",
            "}")
        .doTest();
  }

  /** Two files that call each other, and a third that dispatches to an overrider in one. */
  private static final String[] PING = {
    "import dev.percpu.*;",
    "final class Ping implements Task {",
    "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
    "  static void ping(int n) { if (n > 0) Pong.pong(n - 1); else COUNTS.with(c -> c[0]++); }",
    "  public void go() { COUNTS.with(c -> c[0]++); }",
    "  void run() { COUNTS.with(a -> Pong.pong(1)); }",
    "}"
  };

  private static final String[] PONG = {
    "final class Pong {",
    "  static void pong(int n) { Ping.ping(n); }",
    "  void run() { Ping.COUNTS.with(a -> Ping.ping(2)); }",
    "}"
  };

  private static final String[] TASK = {
    "interface Task { void go(); }",
    "class Runner {",
    "  void run(Task t) { Ping.COUNTS.with(a -> t.go()); }",
    "}"
  };

  @Test
  void diagnostics_areTheSameForEitherOrderOfTheFiles(@TempDir Path dir) throws Exception {
    List<Map.Entry<String, String[]>> files =
        List.of(
            Map.entry("Stats.java", STATS),
            Map.entry("Relay.java", RELAY),
            Map.entry("Caller.java", CALLER),
            Map.entry("Ping.java", PING),
            Map.entry("Pong.java", PONG),
            Map.entry("Task.java", TASK));
    List<Map.Entry<String, String[]>> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    List<String> forward =
        sorted(JavacRun.compile(dir.resolve("a"), dir.resolve("a-out"), files, null));
    List<String> backward =
        sorted(JavacRun.compile(dir.resolve("b"), dir.resolve("b-out"), reversed, null));
    // Caller: three definite; Pong: one definite, through Ping.ping; Task: one possible, through
    // the overrider Ping.go. Ping.run's nesting through Pong and back is the documented miss: Ping
    // and Pong call each other, so Pong's summary reads its call into Ping as a class file's.
    assertEquals(5, forward.size(), forward::toString);
    assertTrue(forward.stream().noneMatch(d -> d.startsWith("Ping.java")), forward::toString);
    assertEquals(forward, backward);
  }

  private static final String[] ANNOTATED_STATS = {
    "import dev.percpu.*;",
    "import dev.percpu.qual.*;",
    "public final class Stats {",
    "  public static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
    "  @Enters(\"COUNTS\") public static void bump() { COUNTS.with(c -> c[0]++); }",
    "}"
  };

  private static final String[] PLAIN_STATS = {
    "import dev.percpu.*;",
    "public final class Stats {",
    "  public static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
    "  public static void bump() { COUNTS.with(c -> c[0]++); }",
    "}"
  };

  private static final String[] BOUNDARY_CALLER = {
    "class Caller {", "  void direct() {", "    Stats.COUNTS.with(a -> Stats.bump());", "  }", "}"
  };

  @Test
  void separateCompilationWithEntersOnTheBoundary_findsWhatCompilingTogetherFinds(@TempDir Path dir)
      throws Exception {
    List<String> together =
        JavacRun.compile(
            dir.resolve("together"),
            dir.resolve("together-out"),
            List.of(
                Map.entry("Stats.java", ANNOTATED_STATS),
                Map.entry("Caller.java", BOUNDARY_CALLER)),
            null);
    Path helperClasses = dir.resolve("helper-out");
    JavacRun.compile(
        dir.resolve("helper"),
        helperClasses,
        List.of(Map.entry("Stats.java", ANNOTATED_STATS)),
        null);
    List<String> apart =
        JavacRun.compile(
            dir.resolve("caller"),
            dir.resolve("caller-out"),
            List.of(Map.entry("Caller.java", BOUNDARY_CALLER)),
            helperClasses);
    assertEquals(1, together.size(), together::toString);
    assertTrue(
        together.get(0).startsWith("Caller.java:3: [PerCpuNestedAccess]"), together::toString);
    // The one difference is how the allocation is named, as for any read of the field: compiled
    // together, `Stats.COUNTS` is the allocation its initialiser makes (`COUNTS`); read from a
    // class file, it is the field (field `COUNTS`).
    assertEquals(together, namedAsTogether(apart));
    assertTrue(apart.get(0).contains("Nested entry of field `COUNTS`"), apart::toString);
  }

  @Test
  void separateCompilationWithoutEnters_isTheDocumentedPossibleDefault(@TempDir Path dir)
      throws Exception {
    List<String> together =
        JavacRun.compile(
            dir.resolve("together"),
            dir.resolve("together-out"),
            List.of(
                Map.entry("Stats.java", PLAIN_STATS), Map.entry("Caller.java", BOUNDARY_CALLER)),
            null);
    Path helperClasses = dir.resolve("helper-out");
    JavacRun.compile(
        dir.resolve("helper"), helperClasses, List.of(Map.entry("Stats.java", PLAIN_STATS)), null);
    List<String> apart =
        JavacRun.compile(
            dir.resolve("caller"),
            dir.resolve("caller-out"),
            List.of(Map.entry("Caller.java", BOUNDARY_CALLER)),
            helperClasses);
    // Together, bump()'s body is read: definite. Apart, a method compiled elsewhere without
    // @Enters may enter only the handles passed to it, and bump() takes none: nothing is found.
    assertEquals(1, together.size(), together::toString);
    assertTrue(
        together.get(0).startsWith("Caller.java:3: [PerCpuNestedAccess]"), together::toString);
    assertEquals(List.of(), apart);
  }

  private static List<String> namedAsTogether(List<String> apart) {
    List<String> out = new ArrayList<>();
    for (String d : apart) {
      out.add(d.replace("Nested entry of field `COUNTS`", "Nested entry of `COUNTS`"));
    }
    return out;
  }

  private static List<String> sorted(List<String> diagnostics) {
    List<String> out = new ArrayList<>(diagnostics);
    out.sort(null);
    return out;
  }
}
