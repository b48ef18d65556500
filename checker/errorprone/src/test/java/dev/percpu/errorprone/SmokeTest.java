package dev.percpu.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void kernelExample() {
    CompilationTestHelper.newInstance(PerCpuNestedAccess.class, getClass())
        .addSourceLines(
            "Kernel.java",
            "import dev.percpu.*;",
            "class Kernel {",
            "  void run(CpuGuard g) {",
            "    PerCpu<long[]> pcpu = PerCpu.allocate(() -> new long[1]);",
            "    PerCpu<long[]> pcpu2 = pcpu.clone();",
            "    pcpu.get(g).with(a -> {",
            "      // BUG: Diagnostic contains: already entered by the `with` at line 6",
            "      pcpu2.get(g).with(b -> b[0]++);",
            "    });",
            "  }",
            "}")
        .doTest();
  }
}
