package dev.percpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Pins the one property of {@link SlotTable}'s bytecode that the hot path's allocation depends on
 * and no run-time test can observe reliably: the contended path is too large for C2 to inline.
 *
 * <p>C2 inlines a hot callee only up to {@code FreqInlineSize} bytes of bytecode (325 on x86-64 and
 * AArch64, the default since JDK 7). While the spinning loop was a small method of its own, C2
 * inlined it, and what it calls, into {@code CpuGuard.pin} whenever waiting was hot; the compiled
 * {@code pin} then exceeded {@code InlineSmallCode}, the benchmark's loop stopped inlining it, and
 * the guard it returned escaped: 40 B/op on JDK 17 in some forks (see docs/performance.md). Which
 * forks did depended on compilation order, so a JMH run can miss it; the size cannot.
 */
class SlotTableInliningTest {
  private static final int FREQ_INLINE_SIZE = 325;

  @Test
  void contendedPath_isTooLargeForC2ToInline() {
    int size = bytecodeSize(SlotTable.class, "private int awaitSlot(");
    assertTrue(
        size > FREQ_INLINE_SIZE,
        "SlotTable.awaitSlot has "
            + size
            + " bytes of bytecode; it must keep more than FreqInlineSize ("
            + FREQ_INLINE_SIZE
            + ") so that C2 never inlines the contended path into CpuGuard.pin");
  }

  @Test
  void fastPath_staysSmallEnoughToInline() {
    // The other half of the bargain: what the hot path does inline stays within the limit.
    assertTrue(bytecodeSize(SlotTable.class, "public int acquireAny(") <= FREQ_INLINE_SIZE);
    assertTrue(
        bytecodeSize(Pins.class, "public static dev.percpu.internal.PinState pin(")
            <= FREQ_INLINE_SIZE);
  }

  /**
   * The length of a method's bytecode as {@code javap -c} shows it: the offset of its last
   * instruction, plus one (a lower bound by the last instruction's operands, which is enough).
   */
  private static int bytecodeSize(Class<?> type, String signaturePrefix) {
    ToolProvider javap =
        ToolProvider.findFirst("javap")
            .orElseThrow(() -> new AssertionError("this JDK has no javap tool (jdk.jdeps)"));
    StringWriter out = new StringWriter();
    String classFile = type.getResource(type.getSimpleName() + ".class").toString();
    int status = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", classFile);
    assertEquals(0, status, out::toString);
    String listing = out.toString();
    int start = listing.indexOf("  " + signaturePrefix);
    assertTrue(start >= 0, () -> "no method " + signaturePrefix + " in\n" + listing);
    int end = listing.indexOf("\n\n", start);
    String body = listing.substring(start, end < 0 ? listing.length() : end);
    Matcher instruction = Pattern.compile("(?m)^\\s+(\\d+): ").matcher(body);
    int last = -1;
    while (instruction.find()) {
      last = Integer.parseInt(instruction.group(1));
    }
    assertTrue(last >= 0, () -> "no bytecode listed for " + signaturePrefix + " in\n" + body);
    return last + 1;
  }
}
