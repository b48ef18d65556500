package dev.percpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ports of the kernel's per-CPU test modules: {@code lib/percpu_test.c}, {@code
 * lib/percpu_test_rust.rs} (RFC v2) and the cases v4 of the Rust series added. Each check compares
 * a native Java variable with the per-CPU value, as the kernel's {@code CHECK} macro does, with
 * {@code long} standing for both C's {@code long} and {@code unsigned long} (and Rust's {@code
 * i64}/{@code u64}): the bits are the same, and Java's unsigned helpers read them as unsigned.
 */
@Timeout(30)
class KernelTestPortTest {
  private static final long ULONG_MAX = -1L; // 0xffffffffffffffff, as unsigned

  /** The kernel's {@code unsigned int ui_one = 1}: {@code -ui_one} is 0xffffffff, not -1. */
  private static final int UI_ONE = 1;

  private static void check(
      long nativeValue, PerCpuCounter counter, CpuGuard guard, long expected) {
    assertEquals(expected, nativeValue, "native");
    assertEquals(expected, counter.get(guard), "per-CPU");
  }

  /** The unsigned reading of an {@code unsigned int} operand promoted to {@code long}. */
  private static long promoted(int unsignedInt) {
    return Integer.toUnsignedLong(unsignedInt);
  }

  // ---- lib/percpu_test.c ----

  @Test
  void percpuTestC_longCounter_addMinusOneThenOne() {
    PerCpuCounter longCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l += -1;
      longCounter.add(guard, -1);
      check(l, longCounter, guard, -1);
      l += 1;
      longCounter.add(guard, 1);
      check(l, longCounter, guard, 0);
    }
  }

  @Test
  void percpuTestC_ulongCounter_wrapsAroundToUlongMax() {
    PerCpuCounter ulongCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long ul = 0;
      ul += 1L;
      ulongCounter.add(guard, 1L);
      check(ul, ulongCounter, guard, 1);
      ul += -1L;
      ulongCounter.add(guard, -1L);
      check(ul, ulongCounter, guard, 0);
      ul += -1L;
      ulongCounter.add(guard, -1L);
      check(ul, ulongCounter, guard, -1);
      assertEquals("18446744073709551615", Long.toUnsignedString(ulongCounter.get(guard)));
      assertEquals(0, Long.compareUnsigned(ULONG_MAX, ulongCounter.get(guard)));
    }
  }

  @Test
  void percpuTestC_ulongDecrementBelowZero_isUlongMax() {
    PerCpuCounter ulongCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long ul = 0;
      ul -= 1;
      ulongCounter.decrement(guard);
      check(ul, ulongCounter, guard, -1);
      check(ul, ulongCounter, guard, ULONG_MAX);
      assertEquals(Long.parseUnsignedLong("18446744073709551615"), ulongCounter.get(guard));
    }
  }

  @Test
  void percpuTestC_addingMinusAnUnsignedIntOne_addsFfffffffNotMinusOne() {
    PerCpuCounter longCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l += promoted(-UI_ONE);
      longCounter.add(guard, promoted(-UI_ONE));
      check(l, longCounter, guard, 0xffffffffL);
      l += promoted(UI_ONE);
      longCounter.add(guard, promoted(UI_ONE));
      check(l, longCounter, guard, 0x100000000L);
    }
    PerCpuCounter fresh = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l += promoted(UI_ONE);
      fresh.add(guard, promoted(UI_ONE));
      check(l, fresh, guard, 1);
      l += promoted(-UI_ONE);
      fresh.add(guard, promoted(-UI_ONE));
      check(l, fresh, guard, 0x100000000L);
    }
  }

  @Test
  void percpuTestC_sub() {
    PerCpuCounter longCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l -= promoted(UI_ONE);
      longCounter.sub(guard, promoted(UI_ONE));
      check(l, longCounter, guard, -1);
      check(l, longCounter, guard, ULONG_MAX);
    }
    PerCpuCounter unpinned = PerCpuCounter.allocate();
    unpinned.sub(promoted(UI_ONE)); // this_cpu_sub, the preemption-safe form
    assertEquals(-1L, unpinned.sum());
    PerCpuCounter ulongCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long ul = 0;
      ul += promoted(UI_ONE);
      ulongCounter.add(guard, promoted(UI_ONE));
      check(ul, ulongCounter, guard, 1);
    }
  }

  @Test
  void percpuTestC_subReturn() {
    PerCpuCounter ulongCounter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long ul = 3;
      ulongCounter.add(guard, 3);
      ul = ulongCounter.subAndGet(guard, promoted(UI_ONE));
      check(ul, ulongCounter, guard, 2);
      ul = ulongCounter.addAndGet(guard, -promoted(UI_ONE));
      check(ul, ulongCounter, guard, 1);
    }
  }

  // ---- lib/percpu_test_rust.rs (RFC v2) ----

  private static final PerCpu<long[]> PERCPU =
      PerCpu.define("percpu_test_rust.PERCPU", long[].class, () -> new long[1]);
  private static final PerCpu<long[]> UPERCPU =
      PerCpu.define("percpu_test_rust.UPERCPU", long[].class, () -> new long[1]);

  @Test
  void percpuTestRust_staticSignedVariable_minusOneThenZero() {
    PerCpu<long[]> pcpu = PerCpu.symbol("percpu_test_rust.PERCPU", long[].class);
    long[] nativeValue = {0};
    try (CpuGuard guard = CpuGuard.pin()) {
      nativeValue[0] += -1;
      pcpu.get(guard)
          .with(
              val -> {
                val[0] += -1;
                assertEquals(-1L, val[0]);
                assertEquals(nativeValue[0], val[0]);
              });
      nativeValue[0] += 1;
      pcpu.get(guard)
          .with(
              val -> {
                val[0] += 1;
                assertEquals(0L, val[0]);
                assertEquals(nativeValue[0], val[0]);
              });
      assertEquals(
          0L, (long) PERCPU.get(guard).apply(v -> v[0]), "the defining handle sees it too");
    }
  }

  @Test
  void percpuTestRust_staticUnsignedVariable_wrapsToU64Max() {
    PerCpu<long[]> upcpu = PerCpu.symbol("percpu_test_rust.UPERCPU", long[].class);
    long[] unative = {0};
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = upcpu.get(guard);
      token.with(val -> val[0] = 0);
      unative[0] += 1;
      token.with(
          val -> {
            val[0] += 1;
            assertEquals(1L, val[0]);
          });
      unative[0] += -1L; // wrapping_add((-1i64) as u64)
      token.with(
          val -> {
            val[0] += -1L;
            assertEquals(unative[0], val[0]);
            assertEquals(0L, val[0]);
          });
      unative[0] += -1L;
      token.with(
          val -> {
            val[0] += -1L;
            assertEquals(unative[0], val[0]);
            assertEquals("18446744073709551615", Long.toUnsignedString(val[0]));
          });
      unative[0] = 0;
      token.with(val -> val[0] = 0);
      unative[0] -= 1; // wrapping_sub(1)
      token.with(
          val -> {
            val[0] -= 1;
            assertEquals(unative[0], val[0]);
            assertEquals(0, Long.compareUnsigned(ULONG_MAX, val[0]));
          });
      assertEquals(
          ULONG_MAX, (long) UPERCPU.get(guard).apply(v -> v[0]), "the defining handle sees it too");
    }
  }

  @Test
  void percpuTestRust_dynamicAllocation_incrementedOnEachCpuFourTimes_isFourEverywhere() {
    PerCpu<long[]> test = PerCpu.allocate(() -> new long[1]);
    for (int i = 0; i < 4; i++) {
      CpuGuard.onEachCpu(guard -> test.get(guard).with(val -> val[0] += 1));
    }
    int[] checked = {0};
    CpuGuard.onEachCpu(
        guard ->
            test.get(guard)
                .with(
                    val -> {
                      assertEquals(4L, val[0], "CPU " + guard.cpu());
                      checked[0]++;
                    }));
    assertEquals(CpuGuard.possibleCpus(), checked[0]);
  }

  // ---- v4 additions ----

  @Test
  void v4_aMutableCellFrom100_reads104AfterFourIncrements() {
    PerCpu<long[]> cell = PerCpu.allocate(() -> new long[] {100});
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = cell.get(guard);
      for (int i = 0; i < 4; i++) {
        token.with(v -> v[0]++);
      }
      assertEquals(104L, token.apply(v -> v[0]).longValue());
    }
  }

  @Test
  void v4_counterAddSubFrom10_gives11Then21Then16() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.add(guard, 10);
      assertEquals(11L, counter.addAndGet(guard, 1));
      assertEquals(21L, counter.addAndGet(guard, 10));
      assertEquals(16L, counter.subAndGet(guard, 5));
    }
    assertEquals(16L, counter.sum());
  }

  @Test
  void v4_numericAddSubFrom10_forEveryIntegerWidth() {
    PerCpu<long[]> values = PerCpu.allocate(() -> new long[] {10, 10, 10, 10});
    values.with(
        v -> {
          v[0] = (byte) (v[0] + 1);
          v[1] = (short) (v[1] + 1);
          v[2] = (int) (v[2] + 1);
          v[3] += 1;
          assertEquals(Arrays.toString(new long[] {11, 11, 11, 11}), Arrays.toString(v));
          v[0] = (byte) (v[0] + 10);
          v[1] = (short) (v[1] + 10);
          v[2] = (int) (v[2] + 10);
          v[3] += 10;
          assertEquals(Arrays.toString(new long[] {21, 21, 21, 21}), Arrays.toString(v));
          v[0] = (byte) (v[0] - 5);
          v[1] = (short) (v[1] - 5);
          v[2] = (int) (v[2] - 5);
          v[3] -= 5;
          assertEquals(Arrays.toString(new long[] {16, 16, 16, 16}), Arrays.toString(v));
        });
  }
}
