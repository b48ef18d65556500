package dev.percpu.lint.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Error Prone checks of {@code percpu-errorprone}, with a one-line description each for SARIF
 * rule listings. The linter enables exactly these (after disabling Error Prone's own checks), so a
 * user's {@code -Xep:Name:OFF} still wins because it comes later on the command line.
 */
public final class KnownChecks {
  private static final Map<String, String> ERROR_PRONE = new LinkedHashMap<>();

  static {
    ERROR_PRONE.put(
        "PerCpuNestedAccess",
        "A closure entered for a per-CPU allocation enters the same allocation again on the same CPU.");
    ERROR_PRONE.put(
        "PerCpuPossibleNestedAccess",
        "A closure entered for a per-CPU allocation enters a handle that may reach the same allocation.");
    ERROR_PRONE.put("PerCpuGuardNotClosed", "A CpuGuard is not closed by try-with-resources.");
    ERROR_PRONE.put(
        "PerCpuGuardEscape", "A CpuGuard or PerCpuToken outlives the pin it was made under.");
    ERROR_PRONE.put(
        "PerCpuValueEscape",
        "A per-CPU value escapes the closure that was given exclusive access to it.");
    ERROR_PRONE.put(
        "NestedMapCompute",
        "A map's computeIfAbsent/compute/computeIfPresent/merge function modifies the same map.");
    ERROR_PRONE.put(
        "PossibleNestedMapCompute",
        "A map's compute/merge function modifies a map that may be the same map.");
    ERROR_PRONE.put(
        "PerCpuBlockingWhilePinned",
        "A call that may block (sleep, wait, join, park, Future.get, locks, latches, blocking queues"
            + " and I/O, synchronized) is made while the thread is pinned.");
    ERROR_PRONE.put(
        "PerCpuOnEachCpuWhilePinned",
        "CpuGuard.onEachCpu is called while the thread is pinned, which always throws.");
  }

  private KnownChecks() {}

  /** Check names in the order the checks' issue lists them. */
  public static Iterable<String> errorProneChecks() {
    return ERROR_PRONE.keySet();
  }

  /** Whether {@code check} is one of percpu's checks rather than one of Error Prone's own. */
  public static boolean isPercpu(String check) {
    return ERROR_PRONE.containsKey(check);
  }

  /**
   * A human name for SARIF viewers, which must differ from the rule id (SARIF1001): the per-CPU
   * checks drop their shared "PerCpu" prefix, the map checks add "Check".
   */
  public static String friendlyName(String check) {
    return check.startsWith("PerCpu") ? check.substring("PerCpu".length()) : check + "Check";
  }

  /** A one-line description of {@code check}, generic for names this build does not know. */
  public static String describe(Tool tool, String check) {
    return switch (tool) {
      case ERROR_PRONE -> ERROR_PRONE.getOrDefault(check, "Error Prone check " + check + ".");
      case CHECKER_FRAMEWORK ->
          "Checker Framework percpu checker, message key "
              + check.substring(check.indexOf(':') + 1)
              + ".";
    };
  }
}
