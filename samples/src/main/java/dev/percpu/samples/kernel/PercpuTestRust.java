package dev.percpu.samples.kernel;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuToken;

/**
 * A port of the kernel's {@code lib/percpu_test_rust.rs} (RFC v2, with the cases v4 added): static
 * per-CPU variables through {@code define}, a dynamic allocation updated on every CPU through
 * {@code onEachCpu}, and numeric arithmetic for each integer width.
 */
public final class PercpuTestRust {
  /** {@code define_per_cpu!(PERCPU: i64 = 0)}. Symbols are JVM-wide, so it is defined once here. */
  private static final PerCpu<long[]> PERCPU =
      PerCpu.define("samples.kernel.PERCPU", long[].class, () -> new long[1]);

  /**
   * {@code define_per_cpu!(UPERCPU: u64 = 0)}; unsigned arithmetic on Java's long is the same bits.
   */
  private static final PerCpu<long[]> UPERCPU =
      PerCpu.define("samples.kernel.UPERCPU", long[].class, () -> new long[1]);

  private PercpuTestRust() {}

  /** The static signed variable: -1, then 0. */
  public static void staticSigned() {
    try (CpuGuard guard = CpuGuard.pin()) {
      PERCPU
          .get(guard)
          .with(
              val -> {
                val[0] -= 1;
                KernelCheck.equal("PERCPU -= 1", -1, val[0]);
                val[0] += 1;
                KernelCheck.equal("PERCPU += 1", 0, val[0]);
              });
    }
  }

  /** The static unsigned variable: wrapping add and subtract through {@code u64::MAX}. */
  public static void staticUnsignedWrapping() {
    try (CpuGuard guard = CpuGuard.pin()) {
      UPERCPU
          .get(guard)
          .with(
              val -> {
                val[0] -= 1; // wrapping_sub(1) from 0
                KernelCheck.equal("UPERCPU wrapping_sub(1)", -1L, val[0]);
                if (!Long.toUnsignedString(val[0]).equals("18446744073709551615")) {
                  throw new AssertionError(
                      "u64::MAX read unsigned: " + Long.toUnsignedString(val[0]));
                }
                val[0] += 1; // wrapping_add(1) back to 0
                KernelCheck.equal("UPERCPU wrapping_add(1)", 0, val[0]);
              });
    }
  }

  /** A dynamic {@code PerCpu<u64>} incremented four times on every CPU, then 4 on every CPU. */
  public static void dynamicOnEachCpu() {
    PerCpu<long[]> test = PerCpu.allocate(() -> new long[1]);
    for (int round = 0; round < 4; round++) {
      CpuGuard.onEachCpu(guard -> test.get(guard).with(val -> val[0]++));
    }
    CpuGuard.onEachCpu(
        guard ->
            test.get(guard)
                .with(
                    val ->
                        KernelCheck.equal(
                            "cpu " + guard.cpu() + " after 4 on_each_cpu", 4, val[0])));
  }

  /** v4's per-CPU {@code RefCell}: starts at 100, reads 104 after four increments. */
  public static void refCell() {
    PerCpu<long[]> cell = PerCpu.allocate(() -> new long[] {100});
    try (CpuGuard guard = CpuGuard.pin()) {
      PerCpuToken<long[]> token = cell.get(guard);
      for (int i = 0; i < 4; i++) {
        token.with(val -> val[0]++);
      }
      KernelCheck.equal("RefCell after 4 increments", 104, token.apply(val -> val[0]));
    }
  }

  /** v4's numeric tests for every integer width: from 10, +1 is 11, +10 is 21, -5 is 16. */
  public static void numericWidths() {
    PerCpu<byte[]> i8 = PerCpu.allocate(() -> new byte[] {10});
    PerCpu<short[]> i16 = PerCpu.allocate(() -> new short[] {10});
    PerCpu<int[]> i32 = PerCpu.allocate(() -> new int[] {10});
    PerCpu<long[]> i64 = PerCpu.allocate(() -> new long[] {10});
    try (CpuGuard guard = CpuGuard.pin()) {
      i8.get(guard)
          .with(
              v -> {
                v[0] += 1;
                KernelCheck.equal("i8 + 1", 11, v[0]);
                v[0] += 10;
                KernelCheck.equal("i8 + 10", 21, v[0]);
                v[0] -= 5;
                KernelCheck.equal("i8 - 5", 16, v[0]);
              });
      i16.get(guard)
          .with(
              v -> {
                v[0] += 1;
                KernelCheck.equal("i16 + 1", 11, v[0]);
                v[0] += 10;
                KernelCheck.equal("i16 + 10", 21, v[0]);
                v[0] -= 5;
                KernelCheck.equal("i16 - 5", 16, v[0]);
              });
      i32.get(guard)
          .with(
              v -> {
                v[0] += 1;
                KernelCheck.equal("i32 + 1", 11, v[0]);
                v[0] += 10;
                KernelCheck.equal("i32 + 10", 21, v[0]);
                v[0] -= 5;
                KernelCheck.equal("i32 - 5", 16, v[0]);
              });
      i64.get(guard)
          .with(
              v -> {
                v[0] += 1;
                KernelCheck.equal("i64 + 1", 11, v[0]);
                v[0] += 10;
                KernelCheck.equal("i64 + 10", 21, v[0]);
                v[0] -= 5;
                KernelCheck.equal("i64 - 5", 16, v[0]);
              });
    }
  }

  /** Runs every case and prints one line. */
  public static void main(String[] args) {
    staticSigned();
    staticUnsignedWrapping();
    dynamicOnEachCpu();
    refCell();
    numericWidths();
    System.out.println("percpu_test_rust.rs port: 5 cases passed");
  }
}
