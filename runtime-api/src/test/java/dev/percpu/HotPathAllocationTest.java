package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented hot paths allocate nothing once the JIT has compiled them, on every JDK this runs
 * on (JDK 17's escape analysis included): measured with the thread's allocation counter, in a JVM
 * of its own, by {@link HotPathAllocationProbe}. The bound is the fewest bytes per operation in any
 * round, under one byte: a path that allocates an object per operation measures 16 bytes or more in
 * every round, however fast or slow the machine, so the outcome does not depend on timing.
 */
@Timeout(120)
class HotPathAllocationTest {

  @Test
  void documentedHotPaths_allocateNothingOnceCompiled() throws Exception {
    ChildJvm.Result probe = ChildJvm.run(HotPathAllocationProbe.class, "-Dpercpu.cpus=4");
    String output = probe.output();
    assertEquals(0, probe.exitCode(), output);
    List<String> lines = output.lines().collect(Collectors.toList());
    assertEquals(7, lines.size(), output);
    String jdk = "JDK " + Runtime.version() + ", bytes/op per path:\n" + output;
    for (String line : lines.subList(0, 6)) {
      double bytesPerOp = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      assertTrue(bytesPerOp < 1.0, "allocates on a hot path: " + line + "\n" + jdk);
    }
  }
}
