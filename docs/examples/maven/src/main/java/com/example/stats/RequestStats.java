package com.example.stats;

import dev.percpu.CpuGuard;
import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;
import java.util.concurrent.atomic.AtomicLong;

/** Per-CPU request statistics: an error counter, and bytes and requests updated together. */
public final class RequestStats {
  static final class Tally {
    long requests;
    long bytes;
  }

  private final PerCpuCounter errors = PerCpuCounter.allocate();
  private final PerCpu<Tally> tallies = PerCpu.allocate(Tally::new);

  public void record(long bytes, boolean failed) {
    tallies.with(t -> {
      t.requests++;
      t.bytes += bytes;
    });
    if (failed) {
      errors.increment();
    }
  }

  public long errors() {
    return errors.sum();
  }

  /** Sums every CPU's tally, visiting each CPU pinned to it. */
  public long totalBytes() {
    AtomicLong total = new AtomicLong();
    CpuGuard.onEachCpu(guard -> tallies.get(guard).with(t -> total.addAndGet(t.bytes)));
    return total.get();
  }
}
