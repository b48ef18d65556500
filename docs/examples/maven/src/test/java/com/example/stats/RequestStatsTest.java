package com.example.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.percpu.junit.EnablePerCpuAssertions;
import org.junit.jupiter.api.Test;

@EnablePerCpuAssertions
class RequestStatsTest {
  @Test
  void record_sumsBytesAndErrorsOverAllCpus() {
    RequestStats stats = new RequestStats();
    stats.record(100, false);
    stats.record(20, true);
    assertEquals(120, stats.totalBytes());
    assertEquals(1, stats.errors());
  }
}
