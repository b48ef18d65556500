package dev.percpu.samples.symbols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.percpu.junit.EnablePerCpuAssertions;
import org.junit.jupiter.api.Test;

@EnablePerCpuAssertions
class RxReportTest {
  @Test
  void report_seesWhatTheDefiningClassCounted_throughTheSymbol() {
    long[] before = RxReport.totals();
    RxStats.received(1500);
    RxStats.received(40);
    long[] after = RxReport.totals();
    assertArrayEquals(new long[] {before[0] + 2, before[1] + 1540}, after);
  }
}
