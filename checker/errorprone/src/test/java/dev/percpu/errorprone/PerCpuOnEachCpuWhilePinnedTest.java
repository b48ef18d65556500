package dev.percpu.errorprone;

import static dev.percpu.errorprone.Sources.inClass;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code PerCpuOnEachCpuWhilePinned}: {@code CpuGuard.onEachCpu} while pinned always throws. The
 * body of {@link Sources#inClass} starts at line 7.
 */
class PerCpuOnEachCpuWhilePinnedTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PerCpuOnEachCpuWhilePinned.class, getClass());

  private void check(String... body) {
    helper.addSourceLines("Test.java", inClass(body)).doTest();
  }

  @Test
  void onEachCpuInsideWith_isAnError() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  final PerCpu<long[]> totals = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    counts.with(c -> {",
        "      // BUG: Diagnostic contains: CpuGuard.onEachCpu is called while pinned by the with() at line 10; it always throws IllegalStateException",
        "      CpuGuard.onEachCpu(g -> totals.get(g).with(t -> t[0] += c[0]));",
        "    });",
        "  }");
  }

  @Test
  void onEachCpuInsideGuardBlockAndInsideOnEachCpu_isAnError() {
    check(
        "  void run() {",
        "    try (CpuGuard g = CpuGuard.pin()) {",
        "      // BUG: Diagnostic contains: pinned by the CpuGuard in the try at line 8",
        "      CpuGuard.onEachCpu(h -> {});",
        "    }",
        "    CpuGuard.onEachCpu(h -> {",
        "      // BUG: Diagnostic contains: pinned by the onEachCpu() at line 12",
        "      CpuGuard.onEachCpu(i -> {});",
        "    });",
        "  }");
  }

  @Test
  void onEachCpuThroughAHelper_isAnErrorAtTheCall() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run() {",
        "    // BUG: Diagnostic contains: (via `resetAll()` at line 10)",
        "    counts.with(c -> resetAll());",
        "  }",
        "  void resetAll() {",
        "    CpuGuard.onEachCpu(g -> counts.get(g).with(c -> c[0] = 0));",
        "  }");
  }

  @Test
  void onEachCpuOutsideAnyPin_isFine() {
    check(
        "  final PerCpu<long[]> counts = PerCpu.allocate(() -> new long[1]);",
        "  void run(ExecutorService executor) {",
        "    CpuGuard.onEachCpu(g -> counts.get(g).with(c -> c[0] = 0));",
        "    counts.with(c -> executor.execute(() -> CpuGuard.onEachCpu(g -> {})));",
        "  }");
  }
}
