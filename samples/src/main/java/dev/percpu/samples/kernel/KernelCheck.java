package dev.percpu.samples.kernel;

/**
 * The kernel tests' {@code CHECK}: a failed comparison names the case, the step and both values.
 */
final class KernelCheck {
  private KernelCheck() {}

  static void equal(String step, long expected, long actual) {
    if (expected != actual) {
      throw new AssertionError(
          step
              + ": expected "
              + expected
              + " (0x"
              + Long.toHexString(expected)
              + "), got "
              + actual
              + " (0x"
              + Long.toHexString(actual)
              + ")");
    }
  }
}
