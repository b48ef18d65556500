package com.example.stats;

import dev.percpu.PerCpu;
import dev.percpu.PerCpuCounter;
import java.util.concurrent.atomic.AtomicLong;

/** Per-CPU request statistics: a counter, and a tally of bytes and requests updated together. */
public final class RequestStats {
  /** Updated together under one pin, so a reader summing them sees no torn pair per CPU. */
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
    dev.percpu.CpuGuard.onEachCpu(guard -> tallies.get(guard).with(t -> total.addAndGet(t.bytes)));
    return total.get();
  }
}
