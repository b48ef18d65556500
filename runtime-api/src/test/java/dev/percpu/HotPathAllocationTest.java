package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    String classpath = System.getProperty("java.class.path");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classpath = classpath + File.pathSeparator + modulePath;
    }
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpercpu.cpus=4",
                "-cp",
                classpath,
                HotPathAllocationProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, probe.waitFor(), output);
    List<String> lines = output.lines().collect(Collectors.toList());
    assertEquals(7, lines.size(), output);
    String jdk = "JDK " + Runtime.version() + ", bytes/op per path:\n" + output;
    for (String line : lines.subList(0, 6)) {
      double bytesPerOp = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      assertTrue(bytesPerOp < 1.0, "allocates on a hot path: " + line + "\n" + jdk);
    }
  }
}
