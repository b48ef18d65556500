package dev.percpu.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

/**
 * The blocking checks on unusual trees never crash javac (the module's tests rethrow any analysis
 * failure, so a swallowed bug fails here): each reports what it can, or nothing.
 */
class BlockingNeverCrashTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(
          ScannerSupplier.fromBugCheckerClasses(
              PerCpuBlockingWhilePinned.class, PerCpuOnEachCpuWhilePinned.class),
          getClass());

  @Test
  void unusualInput_compilesWithTheExpectedFindingsOnly() {
    helper
        .addSourceLines(
            "Odd.java",
            "import dev.percpu.*;",
            "import java.io.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "",
            "public class Odd {",
            "  static final PerCpu<long[]> COUNTS = PerCpu.allocate(() -> new long[1]);",
            "  record Pair(Runnable a, Runnable b) {}",
            "  enum Mode { FAST { void go() {} }; abstract void go(); }",
            "  interface Step { void go(); default void twice() { go(); go(); } }",
            "  Runnable field = () -> { synchronized (this) {} };",
            "  static { COUNTS.with(v -> v[0]++); }",
            "  Odd() { this(1); }",
            "  Odd(int n) { COUNTS.with(v -> v[0] += n); }",
            "  void recursion(int n) { if (n > 0) { recursion(n - 1); } }",
            "  void loop(Runnable r) { COUNTS.with(v -> r.run()); }",
            "  void caller() { loop(this::caller); loop(() -> recursion(2)); }",
            "  void resources() throws IOException {",
            "    try (StringWriter w = new StringWriter(); var r = new StringReader(\"x\")) {",
            "      COUNTS.with(v -> v[0] += w.toString().length());",
            "    }",
            "    try (CpuGuard g = CpuGuard.pin(); StringWriter w = new StringWriter()) {",
            "      w.write(\"in memory\");",
            "      int k = switch (g.cpu()) { case 0 -> 1; default -> { yield 2; } };",
            "    }",
            "  }",
            "  void localAndAnonymous() {",
            "    class Local implements Step { public void go() {} }",
            "    COUNTS.with(v -> new Local().twice());",
            "    COUNTS.with(v -> new Step() { public void go() { Mode.FAST.go(); } }.twice());",
            "    Supplier<Supplier<Integer>> nested = () -> () -> 1;",
            "    COUNTS.with(v -> v[0] += nested.get().get());",
            "    BiFunction<Integer, Integer, Integer> add = Integer::sum;",
            "    COUNTS.with(v -> v[0] += add.apply(1, 2));",
            "    Function<Integer, int[]> arrays = int[]::new;",
            "    COUNTS.with(v -> v[0] += arrays.apply(3).length);",
            "  }",
            "  <T extends Runnable & Serializable> void intersection(T t) { COUNTS.with(v -> t.run()); }",
            "  void mistake(Thread t) {",
            "    COUNTS.with(v -> {",
            "      try {",
            "        // BUG: Diagnostic contains: Thread.join may block",
            "        t.join();",
            "      } catch (InterruptedException e) {}",
            "    });",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void codeThatDoesNotCompile_isReportedByJavacOnly() {
    helper
        .addSourceLines(
            "Broken.java",
            "import dev.percpu.*;",
            "class Broken {",
            "  final PerCpu<long[]> h = PerCpu.allocate(() -> new long[1]);",
            "  void run() {",
            "    // BUG: Diagnostic contains: cannot find symbol",
            "    h.with(v -> Thread.sleepy(v[0]));",
            "    // BUG: Diagnostic contains: cannot find symbol",
            "    try (CpuGuard g = CpuGuard.pinned()) { missing.take(); }",
            "  }",
            "}")
        .expectResult(com.sun.tools.javac.main.Main.Result.ERROR)
        .doTest();
  }
}
