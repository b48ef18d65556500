package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One API method described by configuration instead of annotations, for libraries users cannot
 * annotate. The text form, used by {@code -XepOpt:PerCpu:ApiMethods=...} and {@code
 * -ApercpuApiMethods=...} (entries separated by commas), is {@code OWNER#METHOD=ROLE}:
 *
 * <ul>
 *   <li>{@code entering:C} or {@code entering:C:H}: runs closure parameter C while the receiver's
 *       (or parameter H's) allocation is entered;
 *   <li>{@code preserves} or {@code preserves:F}: returns an alias of the receiver (or of parameter
 *       F);
 *   <li>{@code symbol:I}: returns the static per-CPU variable named by String parameter I;
 *   <li>{@code fresh}: returns a new allocation;
 *   <li>{@code invokes:I[:J...]}: invokes those closure parameters during the call;
 *   <li>{@code deferred:I[:J...]}: never invokes those closure parameters during the call.
 * </ul>
 *
 * <p>Indices are 0-based. Example: {@code com.acme.Shards#update=entering:1:0}.
 *
 * @param owner the qualified name of the declaring type
 * @param method the simple name of the method ({@code <init>} for constructors)
 * @param role the role, or {@code null} for a {@code deferred} entry
 * @param deferred the deferred parameter indices of a {@code deferred} entry, else empty
 */
public record ApiMethodSpec(String owner, String method, MethodRole role, List<Integer> deferred) {

  public ApiMethodSpec {
    deferred = List.copyOf(deferred);
  }

  /** {@code owner + "#" + method}, the key a checker looks a call up by. */
  public String key() {
    return owner + "#" + method;
  }

  /**
   * Parses one entry.
   *
   * @throws IllegalArgumentException naming the entry and what was wrong with it
   */
  public static ApiMethodSpec parse(String text) {
    String s = text.trim();
    int hash = s.indexOf('#');
    int eq = s.indexOf('=');
    if (hash <= 0 || eq < hash + 2 || eq == s.length() - 1) {
      throw invalid(text, "expected OWNER#METHOD=ROLE");
    }
    String owner = s.substring(0, hash);
    String method = s.substring(hash + 1, eq);
    String[] parts = s.substring(eq + 1).split(":", -1);
    List<Integer> ints = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      try {
        ints.add(Integer.parseInt(parts[i]));
      } catch (NumberFormatException e) {
        throw invalid(text, "'" + parts[i] + "' is not a parameter index");
      }
    }
    switch (parts[0]) {
      case "entering":
        requireCount(text, ints, 1, 2);
        return new ApiMethodSpec(
            owner,
            method,
            new MethodRole.Entering(ints.size() == 2 ? ints.get(1) : -1, ints.get(0)),
            List.of());
      case "preserves":
        requireCount(text, ints, 0, 1);
        return new ApiMethodSpec(
            owner,
            method,
            new MethodRole.PreservesAllocation(ints.isEmpty() ? -1 : ints.get(0)),
            List.of());
      case "symbol":
        requireCount(text, ints, 1, 1);
        return new ApiMethodSpec(
            owner, method, new MethodRole.SymbolLookup(ints.get(0)), List.of());
      case "fresh":
        requireCount(text, ints, 0, 0);
        return new ApiMethodSpec(owner, method, new MethodRole.FreshAllocation(), List.of());
      case "invokes":
        requireCount(text, ints, 1, Integer.MAX_VALUE);
        return new ApiMethodSpec(
            owner,
            method,
            new MethodRole.InvokesClosure(ints.stream().mapToInt(Integer::intValue).toArray()),
            List.of());
      case "deferred":
        requireCount(text, ints, 1, Integer.MAX_VALUE);
        return new ApiMethodSpec(owner, method, null, ints);
      default:
        throw invalid(
            text,
            "unknown role '"
                + parts[0]
                + "' (entering, preserves, symbol, fresh, invokes, deferred)");
    }
  }

  private static void requireCount(String text, List<Integer> ints, int min, int max) {
    if (ints.size() < min || ints.size() > max) {
      throw invalid(text, "wrong number of parameter indices (" + ints.size() + ")");
    }
    for (int i : ints) {
      if (i < -1) {
        throw invalid(text, "parameter index " + i + " is negative");
      }
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid percpu API method spec '" + text + "': " + why);
  }
}
