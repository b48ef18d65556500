package dev.percpu.corpus.gen;

import java.util.List;
import java.util.function.Predicate;

/**
 * Combinations the generator does not write, because they are known open defects listed in {@code
 * checker/corpus/KNOWN_DIFFERENCES.md}: generating them would only find the listed defect again.
 * Each exclusion names the table's row; when the row's defect is fixed, delete the exclusion, and
 * the generator checks the combination again.
 */
final class Exclusions {
  /** One excluded combination: its name, the row it stands for, and which programs it matches. */
  record Exclusion(String name, String row, Predicate<GeneratedProgram> matches) {}

  static final List<Exclusion> ALL = List.of();

  private Exclusions() {}

  /** The exclusion a program falls under, or null when the generator may keep it. */
  static Exclusion of(GeneratedProgram program) {
    for (Exclusion e : ALL) {
      if (e.matches().test(program)) {
        return e;
      }
    }
    return null;
  }
}
