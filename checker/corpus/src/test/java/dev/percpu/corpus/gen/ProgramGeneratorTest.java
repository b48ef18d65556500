package dev.percpu.corpus.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generator itself: replayable from its seed, and its exclusions tied to live rows. */
class ProgramGeneratorTest {
  @Test
  void sameSeed_writesTheSamePrograms() {
    long seed = new Random().nextLong();
    Random a = new Random(seed);
    Random b = new Random(seed);
    for (int i = 0; i < 50; i++) {
      assertEquals(
          ProgramGenerator.generate(a, "Gen" + i, "gen.t." + i).source(),
          ProgramGenerator.generate(b, "Gen" + i, "gen.t." + i).source(),
          "seed " + seed + ", program " + i);
    }
  }

  @Test
  void differentSeeds_writeDifferentPrograms() {
    assertNotEquals(
        ProgramGenerator.generate(new Random(1), "Gen0", "gen.t.0").source(),
        ProgramGenerator.generate(new Random(2), "Gen0", "gen.t.0").source());
  }

  /** An exclusion whose row was removed (its defect fixed) must go too, so the shape is tested. */
  @Test
  void everyExclusion_namesARowOfTheKnownDifferences() throws IOException {
    String table =
        Files.readString(
            Path.of(System.getProperty("percpu.corpus.differences", "KNOWN_DIFFERENCES.md")));
    List<String> stale = new ArrayList<>();
    for (Exclusions.Exclusion e : Exclusions.ALL) {
      if (!e.row().equals(Exclusions.NO_ROW) && !table.contains("| " + e.row() + " |")) {
        stale.add(e.name() + " -> " + e.row());
      }
    }
    assertEquals(List.of(), stale, "exclusions whose row is gone");
  }
}
