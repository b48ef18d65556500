package dev.percpu.samples.symbols;

import dev.percpu.PerCpu;

/**
 * Defines the static per-CPU variable {@value #SYMBOL}, the way a kernel subsystem declares one
 * with {@code DEFINE_PER_CPU}, and updates it on the receive path. {@link RxReport}, another class,
 * reaches the same variable by its symbol alone.
 */
public final class RxStats {
  /** The variable's name: packets and bytes received, per CPU. */
  public static final String SYMBOL = "samples.net.rx";

  /** One CPU's counts; only the thread pinned to that CPU touches them. */
  public static final class Counts {
    long packets;
    long bytes;
  }

  private static final PerCpu<Counts> RX = PerCpu.define(SYMBOL, Counts.class, Counts::new);

  private RxStats() {}

  /** Counts a received packet of {@code size} bytes on the current CPU. */
  public static void received(int size) {
    RX.with(
        c -> {
          c.packets++;
          c.bytes += size;
        });
  }

  /**
   * Makes sure {@value #SYMBOL} is defined. Another class that looks the symbol up calls this
   * first: reading the {@link #SYMBOL} constant alone does not run this class's static initialiser.
   */
  public static void ensureDefined() {
    // Calling any static method initialises the class, which defines RX.
  }
}
