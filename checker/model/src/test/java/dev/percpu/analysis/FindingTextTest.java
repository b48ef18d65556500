package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FindingTextTest {

  @Test
  void definite_namesTheAllocationTheOuterEntryAndThePath() {
    assertEquals(
        "Nested entry of `counts`: it is already entered by the `with` at line 9; entered again"
            + " via `bump()` at line 12. A nested entry of the same allocation on the same CPU"
            + " throws PerCpuNestingException at run time.",
        FindingText.definite("`counts`", "`with`", 9, FindingText.via("`bump()` at line 12")));
  }

  @Test
  void possible_namesBothAllocationsAndEndsWithTheAdvice() {
    assertEquals(
        "Possible nested entry: parameter `other` may be the allocation entered by the `with` at"
            + " line 9 (`counts`). If they can be the same allocation, this throws"
            + " PerCpuNestingException at run time; if not, say so with @Distinct.",
        FindingText.possible(
            "parameter `other`", "`with`", 9, "`counts`", "", FindingText.DISTINCT_ADVICE));
  }

  @Test
  void formats_takeTheArgumentsInTheOrderOfTheMethods() {
    assertEquals(
        FindingText.definite("a", "b", 3, "d"),
        String.format(FindingText.DEFINITE_FORMAT, "a", "b", 3, "d"));
    assertEquals(
        FindingText.possible("a", "b", 3, "d", "e", "f"),
        String.format(FindingText.POSSIBLE_FORMAT, "a", "b", 3, "d", "e", "f"));
  }

  @Test
  void noPath_addsNothing() {
    assertEquals("", FindingText.via(""));
    assertEquals("", FindingText.via(null));
  }

  @Test
  void pathSteps_readInCallOrder() {
    assertEquals(
        "the closure `r` (line 8) → `run` at line 9",
        FindingText.then(FindingText.closure("r", 8), "`run` at line 9"));
  }

  @Test
  void innerCall_namesTheEnteringMethodOrElseTheLine() {
    Elements e =
        Elements.compile("p.H", "package p; public class H { public void with(Runnable r) {} }");
    assertEquals("`with` at line 12", FindingText.innerCall(e.method("p.H", "with"), 12));
    assertEquals("the call at line 12", FindingText.innerCall(null, 12));
  }
}
