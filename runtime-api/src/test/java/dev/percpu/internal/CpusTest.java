package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.percpu.ChildJvm;
import java.util.Collections;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CpusTest {
  @Test
  void unsetOrBlank_fallsBackToTheProcessorCount() {
    assertEquals(7, Cpus.parse(null, 7));
    assertEquals(7, Cpus.parse("  ", 7));
  }

  @Test
  void aNumber_isTaken_evenWithSpaces() {
    assertEquals(4, Cpus.parse("4", 7));
    assertEquals(64, Cpus.parse(" 64 ", 7));
  }

  @Test
  void garbageZeroNegativeOrHuge_isRejectedNamingThePropertyAndTheValue() {
    for (String bad : new String[] {"four", "0", "-2", "65537", "1.5"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Cpus.parse(bad, 7));
      assertEquals(
          "system property percpu.cpus must be a whole number from 1 to 65536, but was '"
              + bad
              + "'",
          e.getMessage());
    }
  }

  @Test
  void aMalformedProperty_failsEveryUseWithAnIllegalArgumentExceptionNamingIt() throws Exception {
    // Class initialisation happens once per JVM, so the malformed value gets a JVM of its own.
    ChildJvm.Result probe = ChildJvm.run(MalformedCpusProbe.class, "-Dpercpu.cpus=four");
    String output = probe.output();
    assertEquals(0, probe.exitCode(), output);
    String expected =
        "java.lang.IllegalArgumentException: system property percpu.cpus must be a whole number"
            + " from 1 to 65536, but was 'four'";
    assertEquals(Collections.nCopies(5, expected), output.lines().collect(Collectors.toList()));
  }
}
