package dev.percpu.corpus.gen;

import java.util.List;
import java.util.function.Predicate;

/**
 * Combinations the generator does not write, because they are known open defects listed in {@code
 * checker/corpus/KNOWN_DIFFERENCES.md}: generating them would only find the listed defect again.
 * Each exclusion names the table's row (or {@link #NO_ROW} for a defect the generator found that
 * the table does not list yet, reported instead); when the defect is fixed, delete the exclusion,
 * and the generator checks the combination again.
 */
final class Exclusions {
  /** One excluded combination: its name, the row it stands for, and which programs it matches. */
  record Exclusion(String name, String row, Predicate<GeneratedProgram> matches) {}

  /** The row of an exclusion for a defect the generator found that the table does not list. */
  static final String NO_ROW = "none yet";

  static final List<Exclusion> ALL =
      List.of(
          // Both are limits of this generator's oracle, not checker defects: a program whose
          // nesting lies wholly in the body of a closure that its run never calls. Both checkers
          // report that nesting in the closure's own body, rightly, since it nests whenever it
          // runs, while the runtime, judging one run, sees nothing.
          // A lazy stage's lambda in a pipeline never consumed (seed -7046029254386353131, 300
          // programs, Gen15). The checkers' own rule, that a stage runs only when consumed, is
          // held by programs/LazyStreamNoTerminal.java and LazyStreamReturned.java.
          shape("lazy stream", NO_ROW),
          // A supplier of orElseGet on a present Optional that would run a held closure entering
          // S1 inside S1.with (seed 11, 1,500 programs). The first defect found here (the supplier
          // counted as running now) is fixed in the model: programs/OrElseGetPresent.java.
          shape("orElseGet skipped", NO_ROW));

  private Exclusions() {}

  private static Exclusion shape(String shape, String row) {
    return new Exclusion(shape, row, p -> p.shapes().contains(shape));
  }

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
