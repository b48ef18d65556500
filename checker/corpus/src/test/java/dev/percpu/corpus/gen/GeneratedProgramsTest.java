package dev.percpu.corpus.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.percpu.corpus.gen.BatchJudge.Judged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Random labelled programs judged against the runtime, with the two properties of issue 9: the
 * Checker Framework checker never misses a nesting the runtime sees (it reports at least a possible
 * finding, or another error, on the program), and neither checker reports a definite finding on a
 * program the runtime runs cleanly.
 *
 * <p>{@code -Dpercpu.gen.seed=N} replays a run, {@code -Dpercpu.gen.count=N} sets its size (the
 * default run is short; {@code -Pgenerator-long} runs 10,000), {@code -Dpercpu.gen.batch=N} the
 * programs per javac run.
 */
class GeneratedProgramsTest {
  private static final long SEED = Long.getLong("percpu.gen.seed", 0x9e3779b97f4a7c15L);
  private static final int COUNT = Integer.getInteger("percpu.gen.count", 300);
  private static final int BATCH = Integer.getInteger("percpu.gen.batch", 300);
  private static final Path WORK =
      Path.of(System.getProperty("percpu.gen.work", "target/gen-work"));

  private static List<Judged> judged;

  private static synchronized List<Judged> judged() {
    if (judged == null) {
      judged = run();
    }
    return judged;
  }

  private static List<Judged> run() {
    long start = System.nanoTime();
    Random random = new Random(SEED);
    Map<String, Integer> excluded = new TreeMap<>();
    List<GeneratedProgram> programs = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String name = "Gen" + i;
      GeneratedProgram p;
      while (true) {
        p = ProgramGenerator.generate(random, name, "gen." + Long.toHexString(SEED) + "." + i);
        Exclusions.Exclusion e = Exclusions.of(p);
        if (e == null) {
          break;
        }
        excluded.merge(e.name(), 1, Integer::sum);
      }
      programs.add(p);
    }
    List<Judged> all = new ArrayList<>();
    for (int from = 0; from < programs.size(); from += BATCH) {
      List<GeneratedProgram> batch =
          programs.subList(from, Math.min(programs.size(), from + BATCH));
      all.addAll(BatchJudge.judge(batch, WORK.resolve("batch-" + from / BATCH)));
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (Judged j : all) {
      String key =
          "runtime "
              + (j.runtime().definite() ? "nests" : "clean")
              + ", errorprone "
              + j.errorProne().strongest()
              + ", checkerframework "
              + j.checker().strongest();
      counts.merge(key, 1, Integer::sum);
    }
    StringBuilder summary = new StringBuilder();
    summary.append(
        String.format(
            "generator: seed %d (-Dpercpu.gen.seed=%d), %d programs in batches of %d, %.1f s%n",
            SEED, SEED, COUNT, BATCH, (System.nanoTime() - start) / 1e9));
    counts.forEach((k, n) -> summary.append(String.format("  %5d  %s%n", n, k)));
    excluded.forEach((k, n) -> summary.append(String.format("  excluded %d: %s%n", n, k)));
    System.out.print(summary);
    try {
      Files.createDirectories(WORK);
      Files.writeString(WORK.resolve("summary.txt"), summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  @Test
  void checkerFramework_neverMissesANestingTheRuntimeSees() {
    assertNone(
        "nested on the runtime, clean in the Checker Framework",
        j -> j.runtime().definite() && !j.checker().any());
  }

  @Test
  void errorProne_neverReportsDefinite_onAProgramTheRuntimeRunsCleanly() {
    assertNone(
        "clean on the runtime, definite in Error Prone",
        j -> !j.runtime().any() && j.errorProne().definite());
  }

  @Test
  void checkerFramework_neverReportsDefinite_onAProgramTheRuntimeRunsCleanly() {
    assertNone(
        "clean on the runtime, definite in the Checker Framework",
        j -> !j.runtime().any() && j.checker().definite());
  }

  /**
   * A run that fails otherwise, or a generator that never nests or never runs clean, tests nothing.
   */
  @Test
  void generatedPrograms_eitherNestOrRunCleanly_andBothHappen() {
    assertNone(
        "failed on the runtime for another reason than a nesting (a generator bug)",
        j -> j.runtime().any() && !j.runtime().definite());
    long nests = judged().stream().filter(j -> j.runtime().definite()).count();
    long clean = judged().stream().filter(j -> !j.runtime().any()).count();
    assertTrue(
        nests >= COUNT / 10 && clean >= COUNT / 10,
        nests + " nested, " + clean + " ran cleanly, seed " + SEED);
  }

  private static void assertNone(String what, Predicate<Judged> failing) {
    List<String> failures = new ArrayList<>();
    StringBuilder sources = new StringBuilder();
    for (Judged j : judged()) {
      if (!failing.test(j)) {
        continue;
      }
      failures.add(
          j.program().name()
              + " (runtime "
              + j.runtime()
              + ", errorprone "
              + j.errorProne()
              + ", checkerframework "
              + j.checker()
              + ")");
      if (failures.size() <= 3) {
        sources.append("\n--- ").append(j.program().name()).append(".java\n");
        sources.append(numbered(j.program().source()));
      }
    }
    assertEquals(
        List.of(),
        failures,
        what
            + "; replay with -Dpercpu.gen.seed="
            + SEED
            + " -Dpercpu.gen.count="
            + COUNT
            + " (sources in "
            + WORK
            + ")"
            + sources);
  }

  private static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      out.append(String.format("%3d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
