package dev.percpu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.CpuGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CountingDemoTest {

  @Test
  void printsEachCpusCountTheCheckedTotal_andTheCaughtNesting() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CountingDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    int cpus = CpuGuard.possibleCpus();

    assertEquals(cpus + 4, lines.size(), String.join("\n", lines));
    assertEquals(
        "percpu counting demo: 4 threads x 100000 events on " + cpus + " possible CPUs",
        lines.get(0));
    for (int cpu = 0; cpu < cpus; cpu++) {
      assertTrue(lines.get(1 + cpu).matches("  cpu " + cpu + ": \\d+ events"), lines.get(1 + cpu));
    }
    assertEquals(
        "  total: 400000 events (expected 400000, PerCpuCounter.sum() 400000)",
        lines.get(1 + cpus));
    assertEquals(
        "nested access: entering a clone of the allocation inside its own with(...)",
        lines.get(2 + cpus));
    String caught = lines.get(3 + cpus);
    assertTrue(
        caught.startsWith(
            "  caught PerCpuNestingException: nested entry of per-CPU allocation (allocated at "
                + "dev.percpu.samples.CountingDemo.run(CountingDemo.java:"),
        caught);
    assertTrue(caught.contains("by thread \"" + Thread.currentThread().getName() + "\""), caught);
    assertTrue(caught.contains("the inner closure was not run"), caught);
  }
}
