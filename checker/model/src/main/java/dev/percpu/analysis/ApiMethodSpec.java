package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One API method described by configuration instead of annotations, for libraries users cannot
 * annotate. The text form, used by {@code -XepOpt:PerCpu:EnteringMethods=...} (and its deprecated
 * former name {@code -XepOpt:PerCpu:ApiMethods}) and {@code -ApercpuApiMethods=...} (entries
 * separated by commas), is {@code OWNER#METHOD=ROLE}:
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
 * <p>The map roles describe a map or cache class of the user's own to {@code NestedMapCompute}, as
 * {@code java.util.Map} and Caffeine's {@code Cache} are built in; the Checker Framework checker
 * ignores them:
 *
 * <ul>
 *   <li>{@code map-compute:C:KIND}: runs closure parameter C (a mapping function) with exclusive
 *       access to the receiver, as {@code Map.computeIfAbsent} does; KIND is the rule the
 *       receiver's class (OWNER and its subtypes) follows while it does: {@code concurrent} (as
 *       {@code ConcurrentHashMap}: any modification from inside conflicts), {@code structural} (as
 *       {@code HashMap}: adding or removing a mapping conflicts, replacing a value does not) or
 *       {@code lock-free} (as {@code ConcurrentSkipListMap}: nothing conflicts);
 *   <li>{@code map-add}, {@code map-remove}, {@code map-clear}, {@code map-replace}: modifies the
 *       receiver as {@code put}, {@code remove}, {@code clear}, {@code replace} do.
 * </ul>
 *
 * <p>Indices are 0-based. Examples: {@code com.acme.Shards#update=entering:1:0}, {@code
 * com.acme.Cache#get=map-compute:1:concurrent}, {@code com.acme.Cache#evict=map-remove}.
 *
 * @param owner the qualified name of the declaring type
 * @param method the simple name of the method ({@code <init>} for constructors)
 * @param role the per-CPU role, or {@code null} for a {@code deferred} or map entry
 * @param deferred the deferred parameter indices of a {@code deferred} entry, else empty
 * @param mapCall what a map entry's method does to its receiver, else {@code null}
 * @param mapKind the rule of a {@code map-compute} entry's owner, else {@code null}
 */
public record ApiMethodSpec(
    String owner,
    String method,
    MethodRole role,
    List<Integer> deferred,
    MapOperation.Call mapCall,
    MapKind mapKind) {

  public ApiMethodSpec {
    deferred = List.copyOf(deferred);
  }

  /** A per-CPU entry: a role, or deferred parameters. */
  public ApiMethodSpec(String owner, String method, MethodRole role, List<Integer> deferred) {
    this(owner, method, role, deferred, null, null);
  }

  private static final Map<String, MapOperation> MAP_MODIFICATIONS =
      Map.of(
          "map-add", MapOperation.ADD,
          "map-remove", MapOperation.REMOVE,
          "map-clear", MapOperation.CLEAR,
          "map-replace", MapOperation.REPLACE);

  private static final Map<String, MapKind> MAP_KINDS =
      Map.of(
          "concurrent", MapKind.CONCURRENT_HASH,
          "structural", MapKind.STRUCTURAL,
          "lock-free", MapKind.LOCK_FREE);

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
    if (parts[0].startsWith("map-")) {
      return parseMapRole(text, owner, method, parts);
    }
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
                + "' (entering, preserves, symbol, fresh, invokes, deferred, map-compute,"
                + " map-add, map-remove, map-clear, map-replace)");
    }
  }

  private static ApiMethodSpec parseMapRole(
      String text, String owner, String method, String[] parts) {
    MapOperation modification = MAP_MODIFICATIONS.get(parts[0]);
    if (modification != null) {
      if (parts.length != 1) {
        throw invalid(text, "'" + parts[0] + "' takes no parameters");
      }
      return new ApiMethodSpec(
          owner, method, null, List.of(), new MapOperation.Call(method, modification, -1), null);
    }
    if (!parts[0].equals("map-compute")) {
      throw invalid(
          text,
          "unknown map role '"
              + parts[0]
              + "' (map-compute, map-add, map-remove, map-clear, map-replace)");
    }
    if (parts.length != 3) {
      throw invalid(text, "expected map-compute:CLOSURE:KIND (KIND: " + kindNames() + ")");
    }
    int closure;
    try {
      closure = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid(text, "'" + parts[1] + "' is not a parameter index");
    }
    if (closure < 0) {
      throw invalid(text, "parameter index " + closure + " is negative");
    }
    MapKind kind = MAP_KINDS.get(parts[2]);
    if (kind == null) {
      throw invalid(text, "unknown map kind '" + parts[2] + "' (" + kindNames() + ")");
    }
    return new ApiMethodSpec(
        owner,
        method,
        null,
        List.of(),
        new MapOperation.Call(method, MapOperation.ENTERING, closure),
        kind);
  }

  private static String kindNames() {
    return "concurrent, structural, lock-free";
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
