package dev.percpu.analysis;

import javax.lang.model.element.ExecutableElement;

/**
 * The words of the blocking-while-pinned findings, shared by both checkers so that their messages
 * read the same: what may block, the pin it happens under, and the call path that leads to it.
 *
 * <pre>{@code
 * String pin = BlockingFindingText.enteringPin(withMethod, 12); // "the with() at line 12"
 * String message = BlockingFindingText.blocking("Thread.sleep", pin, "");
 * // "Thread.sleep may block while pinned by the with() at line 12; ..."
 * }</pre>
 */
public final class BlockingFindingText {

  /** What a {@code synchronized} statement is called in a finding. */
  public static final String SYNCHRONIZED_BLOCK = "entering a synchronized block";

  /** How a call of {@code CpuGuard.onEachCpu} is called in a finding and a path. */
  public static final String ON_EACH_CPU = "CpuGuard.onEachCpu";

  static final String BLOCKING_ADVICE =
      "a pinned thread that blocks keeps its CPU slot the whole time, so every thread that needs"
          + " the slot stalls (and waiting for work that itself needs a pin can deadlock): do the"
          + " blocking work before or after the pin, or hand it to another thread without waiting"
          + " for it while pinned";

  private BlockingFindingText() {}

  /** A blocking call made while pinned. */
  public static String blocking(String what, String pin, String via) {
    return what + " may block while pinned by " + pin + via(via) + "; " + BLOCKING_ADVICE;
  }

  /** {@code CpuGuard.onEachCpu} called while pinned, which always throws at run time. */
  public static String onEachCpu(String pin, String via) {
    return ON_EACH_CPU
        + " is called while pinned by "
        + pin
        + via(via)
        + "; it always throws IllegalStateException then (the thread would wait for its own"
        + " slot): call it before or after the pin";
  }

  /** The pin of an entering call's closure: {@code the with() at line 12}. */
  public static String enteringPin(ExecutableElement enteringMethod, int line) {
    return "the " + enteringMethod.getSimpleName() + "() at line " + line;
  }

  /** The pin of a {@code try (CpuGuard g = CpuGuard.pin())} block. */
  public static String guardPin(int line) {
    return "the CpuGuard in the try at line " + line;
  }

  /** The pin of an {@code onEachCpu} action. */
  public static String onEachCpuPin(int line) {
    return "the onEachCpu() at line " + line;
  }

  /** A pin that a called method holds while it runs a closure argument. */
  public static String pinInside(ExecutableElement callee, String pin) {
    return pin + " inside " + FindingText.call(callee);
  }

  private static String via(String path) {
    return path == null || path.isEmpty() ? "" : " (via " + path + ")";
  }
}
