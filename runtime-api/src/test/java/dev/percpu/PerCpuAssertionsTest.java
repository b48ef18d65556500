package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PerCpuAssertionsTest {
  private long mark;

  @BeforeEach
  void enable() {
    assertFalse(PerCpuAssertions.isEnabled(), "off unless -Dpercpu.assertions=true");
    mark = PerCpuAssertions.checkpoint();
    PerCpuAssertions.setEnabled(true);
  }

  @AfterEach
  void disable() {
    PerCpuAssertions.setEnabled(false);
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  private List<PerCpuViolation> violations() {
    return PerCpuAssertions.violationsSince(mark);
  }

  private static int lineOf(Throwable here) {
    return here.getStackTrace()[0].getLineNumber();
  }

  @Test
  void theNestingMessage_saysWhereTheOuterEntryBeganAndHowEachHandleWasObtained() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    PerCpu<long[]> alias = values.clone();
    int cloneLine = lineOf(new Throwable()) - 1;
    int[] outerLine = {0};
    PerCpuNestingException e =
        assertThrows(
            PerCpuNestingException.class,
            () ->
                values.with(
                    outer -> {
                      outerLine[0] = lineOf(new Throwable());
                      alias.with(inner -> {});
                    }));
    String message = e.getMessage();
    assertTrue(
        message.contains("\n  outer entry began at dev.percpu.PerCpuAssertionsTest."), message);
    assertTrue(
        message.contains(
            "(PerCpuAssertionsTest.java:" + (outerLine[0] - 2) + ") through a handle allocated at"),
        message);
    assertTrue(message.contains("\n  inner entry at dev.percpu.PerCpuAssertionsTest."), message);
    assertTrue(
        message.contains(
            "(PerCpuAssertionsTest.java:" + (outerLine[0] + 1) + ") through a handle cloned at"),
        message);
    assertTrue(
        message.contains(
            "cloned at dev.percpu.PerCpuAssertionsTest."
                + "theNestingMessage_saysWhereTheOuterEntryBeganAndHowEachHandleWasObtained(PerCpuAssertionsTest.java:"
                + cloneLine
                + ")"),
        message);
  }

  @Test
  void aSymbolLookup_isNamedInTheProvenance() {
    String name = Symbols.fresh("provenance");
    PerCpu<long[]> defined = PerCpu.define(name, long[].class, () -> new long[1]);
    PerCpuNestingException e =
        assertThrows(
            PerCpuNestingException.class,
            () -> defined.with(outer -> PerCpu.symbol(name, long[].class).with(inner -> {})));
    assertTrue(
        e.getMessage().contains("through a handle defined as '" + name + "' at"), e.getMessage());
    assertTrue(
        e.getMessage().contains("through a handle looked up as symbol('" + name + "') at"),
        e.getMessage());
  }

  @Test
  void aNestingTheCodeSwallowed_isStillRecorded() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    String[] swallowed = {null};
    values.with(
        outer -> {
          try {
            values.with(inner -> {});
          } catch (PerCpuNestingException e) {
            swallowed[0] = e.getMessage();
          }
        });
    List<PerCpuViolation> recorded = violations();
    assertEquals(1, recorded.size(), recorded.toString());
    PerCpuViolation v = recorded.get(0);
    assertEquals(PerCpuViolation.Kind.NESTED_ENTRY, v.kind());
    assertEquals(Thread.currentThread().getName(), v.thread());
    assertEquals(swallowed[0], v.message());
    assertTrue(v.sequence() > mark);
    assertTrue(v.toString().startsWith("NESTED_ENTRY on thread \""), v.toString());
  }

  @Test
  void guardAndTokenMisuse_areRecorded() throws InterruptedException {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    CpuGuard guard = CpuGuard.pin();
    PerCpuToken<long[]> token = values.get(guard);
    Threads.runOnOtherThread(() -> assertThrows(IllegalStateException.class, guard::close));
    guard.close();
    assertThrows(IllegalStateException.class, guard::close);
    assertThrows(IllegalStateException.class, () -> token.with(v -> {}));
    try (CpuGuard pinned = CpuGuard.pin()) {
      assertThrows(IllegalStateException.class, () -> CpuGuard.onEachCpu(g -> {}));
    }
    List<PerCpuViolation.Kind> kinds =
        violations().stream().map(PerCpuViolation::kind).collect(Collectors.toList());
    assertEquals(
        List.of(
            PerCpuViolation.Kind.GUARD_MISUSE,
            PerCpuViolation.Kind.GUARD_MISUSE,
            PerCpuViolation.Kind.TOKEN_MISUSE,
            PerCpuViolation.Kind.ON_EACH_CPU_WHILE_PINNED),
        kinds);
    assertEquals("other", violations().get(0).thread(), "recorded on the thread that did it");
  }

  @Test
  void aSlotReclaimedFromADeadThread_isRecorded_andItsPinWasReportedWithWhereItBegan()
      throws Exception {
    Thread dying = new Thread(CpuGuard::pin, "dies-pinned");
    dying.start();
    dying.join();
    List<PinnedSlot> pinned = PerCpuAssertions.pinnedSlots();
    assertEquals(1, pinned.size());
    assertEquals("dies-pinned", pinned.get(0).thread());
    assertFalse(pinned.get(0).threadAlive());
    assertTrue(
        pinned.get(0).pinnedAt().startsWith("java.lang.Thread.run("), pinned.get(0).pinnedAt());

    CpuGuard.onEachCpu(guard -> {});
    List<PerCpuViolation> recorded = violations();
    assertEquals(1, recorded.size(), recorded.toString());
    assertEquals(PerCpuViolation.Kind.DEAD_OWNER_RECLAIMED, recorded.get(0).kind());
    assertTrue(
        recorded.get(0).message().contains("pinned by thread \"dies-pinned\", which died"),
        recorded.get(0).message());
  }

  @Test
  void anOpenPin_isReportedWithWhereItBegan() {
    try (CpuGuard guard = CpuGuard.pin()) {
      int line = lineOf(new Throwable()) - 1;
      PinnedSlot slot = PerCpuAssertions.pinnedSlots().get(0);
      assertEquals(guard.cpu(), slot.cpu());
      assertTrue(slot.threadAlive());
      assertEquals(
          "dev.percpu.PerCpuAssertionsTest.anOpenPin_isReportedWithWhereItBegan(PerCpuAssertionsTest.java:"
              + line
              + ")",
          slot.pinnedAt());
    }
  }

  @Test
  void whenTheModeIsOff_nothingIsRecordedAndMessagesCarryNoProvenance() {
    PerCpuAssertions.setEnabled(false);
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    PerCpuNestingException e =
        assertThrows(
            PerCpuNestingException.class,
            () -> values.with(outer -> values.clone().with(inner -> {})));
    assertFalse(e.getMessage().contains("outer entry began"), e.getMessage());
    assertEquals(List.of(), violations());
    try (CpuGuard guard = CpuGuard.pin()) {
      assertEquals(
          "an unrecorded place (assertion mode was off)",
          PerCpuAssertions.pinnedSlots().get(0).pinnedAt());
    }
  }

  @Test
  void clearViolations_emptiesTheRecord() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    assertThrows(
        PerCpuNestingException.class, () -> values.with(outer -> values.with(inner -> {})));
    assertFalse(PerCpuAssertions.violations().isEmpty());
    PerCpuAssertions.clearViolations();
    assertEquals(List.of(), PerCpuAssertions.violations());
  }

  @Test
  void leakedGuardInsideWith_throwsAndIsRecorded() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    CpuGuard[] leaked = new CpuGuard[1];
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> values.with(v -> leaked[0] = CpuGuard.pin()));
    assertTrue(
        e.getMessage()
            .startsWith("1 CpuGuard(s) pinned inside a with/apply closure of per-CPU allocation"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("\n  closure entered at dev.percpu.PerCpuAssertionsTest."),
        e.getMessage());
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots(), "the thread is left unpinned");
    assertEquals(List.of(PerCpuViolation.Kind.GUARD_MISUSE), kinds());
    // The leaked guard was closed on the way out, as documented.
    assertThrows(IllegalStateException.class, leaked[0]::close);
    try (CpuGuard again = CpuGuard.pin()) {
      assertEquals(Integer.valueOf(1), values.get(again).apply(v -> 1));
    }
  }

  @Test
  void leakedGuardInsideApplyAndTokenClosures_throwsAndLeavesTheOuterPinIntact() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    assertThrows(IllegalStateException.class, () -> values.apply(v -> CpuGuard.pin()));
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = values.get(guard);
      assertThrows(IllegalStateException.class, () -> token.with(v -> CpuGuard.pin()));
      assertThrows(IllegalStateException.class, () -> token.apply(v -> CpuGuard.pin()));
      assertEquals(Long.valueOf(7L), token.apply(v -> 7L), "the outer guard is still usable");
    } // and closes without a LIFO complaint
    assertEquals(
        List.of(
            PerCpuViolation.Kind.GUARD_MISUSE,
            PerCpuViolation.Kind.GUARD_MISUSE,
            PerCpuViolation.Kind.GUARD_MISUSE),
        kinds());
  }

  @Test
  void leakedGuardInsideAThrowingClosure_keepsTheClosuresExceptionWithTheLeakSuppressed() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[1]);
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                values.with(
                    v -> {
                      CpuGuard.pin();
                      throw boom;
                    }));
    assertSame(boom, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertTrue(thrown.getSuppressed()[0] instanceof IllegalStateException);
    assertEquals(List.of(PerCpuViolation.Kind.GUARD_MISUSE), kinds());
  }

  @Test
  void onEachCpu_whenTheCloseThrows_keepsTheActionsExceptionAndAddsTheCloseAsSuppressed() {
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                CpuGuard.onEachCpu(
                    guard -> {
                      CpuGuard.pin(); // left open: the outer guard's close is refused
                      throw boom;
                    }));
    assertSame(boom, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertTrue(
        thrown.getSuppressed()[0].getMessage().contains("closed out of LIFO order"),
        thrown.getSuppressed()[0].getMessage());
    assertEquals(List.of(PerCpuViolation.Kind.GUARD_MISUSE), kinds());
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void onEachCpu_anActionThatLeavesItsOwnPinOpen_throwsIsRecordedAndUnpins() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CpuGuard.onEachCpu(
                    guard -> {
                      guard.close();
                      CpuGuard.pin(); // a pin of its own, never closed
                    }));
    assertTrue(e.getMessage().contains("CpuGuard.onEachCpu"), e.getMessage());
    assertEquals(List.of(PerCpuViolation.Kind.GUARD_MISUSE), kinds());
    assertEquals(List.of(), PerCpuAssertions.pinnedSlots());
  }

  @Test
  void onEachCpu_whilePinned_isRecordedEvenWhenSwallowed() {
    try (CpuGuard guard = CpuGuard.pin()) {
      assertThrows(IllegalStateException.class, () -> CpuGuard.onEachCpu(g -> {}));
    }
    assertEquals(List.of(PerCpuViolation.Kind.ON_EACH_CPU_WHILE_PINNED), kinds());
  }

  private List<PerCpuViolation.Kind> kinds() {
    return violations().stream().map(PerCpuViolation::kind).collect(Collectors.toList());
  }
}
