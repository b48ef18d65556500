package dev.percpu.samples.symbols;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;

/**
 * Reads {@link RxStats}' per-CPU variable through its symbol, without access to the defining
 * class's handle: the Java counterpart of {@code unsafe_get_per_cpu!}. The handle it gets aliases
 * {@code RxStats}' exactly as a clone would, so entering it inside one of {@code RxStats}' closures
 * would be a nested access: the runtime would throw, and both checkers would say so at compile time
 * (they resolve equal constant symbols to one allocation).
 */
public final class RxReport {
  private RxReport() {}

  /** Packets and bytes received on all CPUs: {@code {packets, bytes}}. */
  public static long[] totals() {
    RxStats.ensureDefined();
    PerCpu<RxStats.Counts> rx = PerCpu.symbol(RxStats.SYMBOL, RxStats.Counts.class);
    long[] totals = new long[2];
    CpuGuard.onEachCpu(
        guard ->
            rx.get(guard)
                .with(
                    c -> {
                      totals[0] += c.packets;
                      totals[1] += c.bytes;
                    }));
    return totals;
  }

  /** Receives a few packets, then prints the totals. */
  public static void main(String[] args) {
    for (int size = 100; size <= 1_000; size += 100) {
      RxStats.received(size);
    }
    long[] totals = totals();
    System.out.println("percpu rx by symbol: " + totals[0] + " packets, " + totals[1] + " bytes");
  }
}
