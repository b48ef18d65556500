package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-thread stacks of pin levels and running closures, beyond their initial capacity. */
class PinStateTest {
  private static final int DEEP = 40;

  @Test
  void guardsOpenedDeeperThanTheInitialCapacity_stayOpenUntilPopped() {
    PinState state = new PinState(Thread.currentThread(), 4);
    long[] serials = new long[DEEP + 1];
    for (int level = 1; level <= DEEP; level++) {
      state.push();
      serials[level] = state.registerGuard();
    }
    for (int level = 1; level <= DEEP; level++) {
      assertTrue(state.isOpen(level, serials[level]), "level " + level);
    }
    for (int level = DEEP; level >= 1; level--) {
      assertEquals(level - 1, state.pop());
      assertFalse(state.isOpen(level, serials[level]), "level " + level + " after its pop");
    }
  }

  @Test
  void entriesDeeperThanTheInitialCapacity_areFoundUntilLeft() {
    PinState state = new PinState(Thread.currentThread(), 4);
    state.tracking = true; // entry sites are recorded only in a tracked pin
    for (int level = 0; level < DEEP; level++) {
      state.enter(level, 1000 + level, level % 2 == 0 ? "site " + level : null);
    }
    for (int level = 0; level < DEEP; level++) {
      assertTrue(state.isEntered(1000 + level), "entry " + level);
      assertEquals(level % 2 == 0 ? "site " + level : null, state.entrySite(1000 + level));
    }
    assertFalse(state.isEntered(999));
    state.entries = DEEP / 2; // as Allocation pops an entry, before it calls leave
    state.leave(DEEP / 2);
    assertTrue(state.isEntered(1000 + DEEP / 2 - 1));
    assertFalse(state.isEntered(1000 + DEEP / 2));
    assertNull(state.entrySite(1000 + DEEP / 2));
  }
}
