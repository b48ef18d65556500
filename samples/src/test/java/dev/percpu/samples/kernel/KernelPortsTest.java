package dev.percpu.samples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.percpu.junit.EnablePerCpuAssertions;
import org.junit.jupiter.api.Test;

/** The kernel's per-CPU tests, ported; each case throws AssertionError naming the failed step. */
@EnablePerCpuAssertions
class KernelPortsTest {
  @Test
  void percpuTestC_addMinusOneThenOne() {
    PercpuTestC.addMinusOneThenOne();
  }

  @Test
  void percpuTestC_unsignedWrapAround() {
    PercpuTestC.unsignedWrapAround();
  }

  @Test
  void percpuTestC_decrementBelowZero() {
    PercpuTestC.decrementBelowZero();
  }

  @Test
  void percpuTestC_unsignedIntPromotion() {
    PercpuTestC.unsignedIntPromotion();
  }

  @Test
  void percpuTestC_sub() {
    PercpuTestC.sub();
  }

  @Test
  void percpuTestC_subReturn() {
    PercpuTestC.subReturn();
  }

  @Test
  void percpuTestRust_staticSigned() {
    PercpuTestRust.staticSigned();
  }

  @Test
  void percpuTestRust_staticUnsignedWrapping() {
    PercpuTestRust.staticUnsignedWrapping();
  }

  @Test
  void percpuTestRust_dynamicOnEachCpu() {
    PercpuTestRust.dynamicOnEachCpu();
  }

  @Test
  void percpuTestRust_refCell() {
    PercpuTestRust.refCell();
  }

  @Test
  void percpuTestRust_numericWidths() {
    PercpuTestRust.numericWidths();
  }

  @Test
  void kernelCheck_failureNamesTheStepAndBothValues() {
    AssertionError e = assertThrows(AssertionError.class, () -> KernelCheck.equal("step", 4, 3));
    assertEquals("step: expected 4 (0x4), got 3 (0x3)", e.getMessage());
  }
}
