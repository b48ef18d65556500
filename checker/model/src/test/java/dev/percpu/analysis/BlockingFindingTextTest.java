package dev.percpu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The words both checkers use for blocking while pinned. */
class BlockingFindingTextTest {

  @Test
  void blocking_namesTheCallThePinAndThePath() {
    String m = BlockingFindingText.blocking("Thread.sleep", "the with() at line 12", "");
    assertTrue(m.startsWith("Thread.sleep may block while pinned by the with() at line 12; "), m);
    assertTrue(m.contains("before or after the pin"), m);
    String via =
        BlockingFindingText.blocking(
            "Thread.sleep", "the with() at line 12", "`pause()` at line 13");
    assertTrue(
        via.startsWith(
            "Thread.sleep may block while pinned by the with() at line 12 (via `pause()` at line 13); "),
        via);
  }

  @Test
  void onEachCpu_saysItAlwaysThrows() {
    assertEquals(
        "CpuGuard.onEachCpu is called while pinned by the CpuGuard in the try at line 3; it always"
            + " throws IllegalStateException then (the thread would wait for its own slot): call"
            + " it before or after the pin",
        BlockingFindingText.onEachCpu(BlockingFindingText.guardPin(3), ""));
  }
}
