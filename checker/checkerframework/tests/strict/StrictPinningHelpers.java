import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.qual.Enters;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * With -ApercpuStrict, a non-private method that runs a closure parameter under a pin of its own is
 * reported at its declaration, for callers in other files, which read only the declaration and
 * would take the closure to run unpinned.
 */
public class StrictPinningHelpers {
  static final PerCpu<AtomicLong> COUNTS = PerCpu.allocate(AtomicLong::new);
  static final AtomicLong TOTAL = new AtomicLong();

  @Enters({})
  // :: error: [pins.closure.parameter]
  public static void pinned(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  @Enters({})
  // :: error: [pins.closure.parameter]
  protected static void onEach(Runnable r) {
    CpuGuard.onEachCpu(g -> r.run());
  }

  @Enters({})
  // :: error: [pins.closure.parameter]
  public static void throughPrivate(Runnable r) {
    privatePinned(r);
  }

  private static void privatePinned(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  // The second parameter only is run pinned.
  @Enters({})
  // :: error: [pins.closure.parameter]
  public static void secondPinned(Runnable before, Runnable r) {
    before.run();
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  public static class Pinning {
    @Enters({})
    // :: error: [pins.closure.parameter]
    public Pinning(Runnable r) {
      try (CpuGuard g = CpuGuard.pin()) {
        r.run();
      }
    }
  }

  // A supplier called under the pin runs pinned, like any closure.
  @Enters({})
  // :: error: [pins.closure.parameter]
  public static void addFrom(Supplier<Long> amount) {
    try (CpuGuard g = CpuGuard.pin()) {
      TOTAL.addAndGet(amount.get());
    }
  }

  // Its declared entry pins the closure for callers elsewhere too (the with() they call).
  @Enters("COUNTS")
  public static void counted(Runnable r) {
    COUNTS.with(a -> r.run());
  }

  @SuppressWarnings("percpu") // every caller is in this class
  public static void pinnedHere(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }

  @Enters({})
  public static void afterThePin(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      TOTAL.incrementAndGet();
    }
    r.run();
  }

  private static void privateHelper(Runnable r) {
    try (CpuGuard g = CpuGuard.pin()) {
      r.run();
    }
  }
}
