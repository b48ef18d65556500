package dev.percpu.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus judged three ways. Each tool must give each program exactly its labelled findings
 * (runtime: throw at the definite line, run a possible or clean program to its end), and no two
 * tools may disagree on whether a program nests definitely. Both rules yield to a row of {@code
 * KNOWN_DIFFERENCES.md}, which must say exactly what each tool observes.
 */
class CorpusTest {
  private static final Map<String, Findings> LABELS = Corpus.labels();
  private static final KnownDifferences KNOWN = KnownDifferences.load();

  @Test
  void errorProne_reportsExactlyTheLabelledLines_exceptListedDifferences() {
    assertMatchesLabels(Tool.ERROR_PRONE);
  }

  @Test
  void checkerFramework_reportsExactlyTheLabelledLines_exceptListedDifferences() {
    assertMatchesLabels(Tool.CHECKER_FRAMEWORK);
  }

  @Test
  void runtime_throwsExactlyAtTheDefiniteLabels_exceptListedDifferences() {
    assertMatchesLabels(Tool.RUNTIME);
  }

  @Test
  void noTwoTools_disagreeOnADefiniteVerdict_exceptListedDifferences() {
    List<String> disagreements = new ArrayList<>();
    for (String program : LABELS.keySet()) {
      Tool[] tools = Tool.values();
      for (int i = 0; i < tools.length; i++) {
        for (int j = i + 1; j < tools.length; j++) {
          Findings a = tools[i].observed().get(program);
          Findings b = tools[j].observed().get(program);
          if (a.definite() != b.definite()
              && !(KNOWN.allows(program, tools[i], a) && KNOWN.allows(program, tools[j], b))) {
            disagreements.add(
                program + ": " + tools[i] + " says " + a + ", " + tools[j] + " says " + b);
          }
        }
      }
    }
    assertEquals(List.of(), disagreements, "unlisted definite-verdict disagreements");
  }

  /** A row nobody needs any more, or one that no longer says what the tools do, is stale. */
  @Test
  void everyListedDifference_isObservedExactlyAsWritten() {
    List<String> stale = new ArrayList<>();
    for (KnownDifferences.Row row : KNOWN.rows().values()) {
      Findings labels = LABELS.get(row.program());
      if (labels == null) {
        stale.add(row.program() + ": no such program");
        continue;
      }
      boolean needed = false;
      for (Tool tool : Tool.values()) {
        Findings observed = tool.observed().get(row.program());
        if (!row.column(tool).equals(observed.toString())) {
          stale.add(
              row.program()
                  + ": "
                  + tool
                  + " now says "
                  + observed
                  + ", listed "
                  + row.column(tool));
        }
        needed |= !observed.equals(tool.expected(labels));
      }
      if (!needed) {
        stale.add(row.program() + ": every tool now agrees with the labels; remove the row");
      }
    }
    assertEquals(List.of(), stale, "stale rows in " + KnownDifferences.FILE);
  }

  /** The comparison means little unless the corpus is broad and the runtime really nests. */
  @Test
  void corpus_isBroadEnoughToCompare() {
    long definite = LABELS.values().stream().filter(Findings::definite).count();
    long clean = LABELS.values().stream().filter(f -> f.lines().isEmpty()).count();
    long thrown = Tool.RUNTIME.observed().values().stream().filter(Findings::definite).count();
    assertTrue(LABELS.size() >= 40, "only " + LABELS.size() + " programs");
    assertTrue(definite >= 20 && clean >= 5, definite + " definite, " + clean + " clean");
    assertTrue(thrown >= 20, "the runtime nested on only " + thrown + " programs");
  }

  private static void assertMatchesLabels(Tool tool) {
    List<String> wrong = new ArrayList<>();
    int right = 0;
    for (Map.Entry<String, Findings> e : LABELS.entrySet()) {
      Findings expected = tool.expected(e.getValue());
      Findings observed = tool.observed().get(e.getKey());
      if (observed.equals(expected)) {
        right++;
      } else if (!KNOWN.allows(e.getKey(), tool, observed)) {
        wrong.add(e.getKey() + ": expected " + expected + ", observed " + observed);
      }
    }
    System.out.printf(
        "corpus: %s matches the labels on %d of %d programs%n", tool, right, LABELS.size());
    assertEquals(List.of(), wrong, tool + " against the labels, unlisted mismatches");
  }
}
