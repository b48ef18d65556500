package dev.percpu.samples.kernel;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpuCounter;

/**
 * A port of the kernel's {@code lib/percpu_test.c}: per-CPU {@code long} and {@code unsigned long}
 * arithmetic with preemption off, here under a pin, on {@link PerCpuCounter}. As in the C test,
 * each step also applies the operation to a local mirror and checks that the per-CPU value equals
 * it. Java's {@code long} is both the C {@code long} and, read with {@link Long#toUnsignedString},
 * the {@code unsigned long}: the bits are the same.
 */
public final class PercpuTestC {
  /** {@code ULONG_MAX}: all 64 bits set, -1 as a signed long. */
  static final long ULONG_MAX = -1L;

  private PercpuTestC() {}

  /** {@code long_counter}: add -1, then +1. */
  public static void addMinusOneThenOne() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l += -1;
      counter.add(guard, -1);
      KernelCheck.equal("long += -1", l, counter.get(guard));
      KernelCheck.equal("long += -1", -1, counter.get(guard));
      l += 1;
      counter.add(guard, 1);
      KernelCheck.equal("long += 1", 0, counter.get(guard));
    }
  }

  /** {@code ulong_counter}: +1, then -1UL back to 0, then -1 wraps around to {@code ULONG_MAX}. */
  public static void unsignedWrapAround() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long ul = 0;
      ul += 1;
      counter.add(guard, 1);
      KernelCheck.equal("ulong += 1UL", 1, counter.get(guard));
      ul += -1L;
      counter.add(guard, -1L);
      KernelCheck.equal("ulong += -1UL", 0, counter.get(guard));
      ul += -1L;
      counter.add(guard, -1L);
      KernelCheck.equal("ulong += -(unsigned long)1", ul, counter.get(guard));
      KernelCheck.equal("ulong wraps to ULONG_MAX", ULONG_MAX, counter.get(guard));
      if (!Long.toUnsignedString(counter.get(guard)).equals("18446744073709551615")) {
        throw new AssertionError(
            "ULONG_MAX read unsigned: " + Long.toUnsignedString(counter.get(guard)));
      }
    }
  }

  /** {@code __this_cpu_dec} below zero: -1, which is also {@code ULONG_MAX}. */
  public static void decrementBelowZero() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.decrement(guard);
      KernelCheck.equal("dec below zero", -1, counter.get(guard));
      KernelCheck.equal("dec below zero, unsigned", ULONG_MAX, counter.get(guard));
    }
  }

  /**
   * The promotion of an {@code unsigned int} operand: {@code -ui_one} is the unsigned int
   * 0xffffffff, which widens to 0x00000000ffffffff (not to -1) when added to a long; adding {@code
   * ui_one} again then gives 0x100000000.
   */
  public static void unsignedIntPromotion() {
    int uiOne = 1;
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      long l = 0;
      l += Integer.toUnsignedLong(-uiOne);
      counter.add(guard, Integer.toUnsignedLong(-uiOne));
      KernelCheck.equal("long += -ui_one", l, counter.get(guard));
      KernelCheck.equal("long += -ui_one", 0xffffffffL, counter.get(guard));
      l += Integer.toUnsignedLong(uiOne);
      counter.add(guard, Integer.toUnsignedLong(uiOne));
      KernelCheck.equal("long += ui_one", 0x100000000L, counter.get(guard));
    }
  }

  /** {@code this_cpu_sub} of an unsigned int operand: 0 - 1 = -1. */
  public static void sub() {
    int uiOne = 1;
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.sub(guard, Integer.toUnsignedLong(uiOne));
      KernelCheck.equal("long -= ui_one", -1, counter.get(guard));
      KernelCheck.equal("ulong -= ui_one", ULONG_MAX, counter.get(guard));
    }
  }

  /**
   * {@code this_cpu_sub_return} from {@code ULONG_MAX}: {@code ULONG_MAX - 1}, returned and stored.
   */
  public static void subReturn() {
    PerCpuCounter counter = PerCpuCounter.allocate();
    try (CpuGuard guard = CpuGuard.pin()) {
      counter.add(guard, ULONG_MAX);
      long ul = counter.subAndGet(guard, 1);
      KernelCheck.equal("sub_return result", ULONG_MAX - 1, ul);
      KernelCheck.equal("sub_return stored", ULONG_MAX - 1, counter.get(guard));
      KernelCheck.equal("add_return", ULONG_MAX, counter.addAndGet(guard, 1));
    }
  }

  /** Runs every case, as the kernel module's init does, and prints one line per case. */
  public static void main(String[] args) {
    addMinusOneThenOne();
    unsignedWrapAround();
    decrementBelowZero();
    unsignedIntPromotion();
    sub();
    subReturn();
    System.out.println("percpu_test.c port: 6 cases passed");
  }
}
