package dev.percpu.analysis;

/**
 * The words of a {@code NestedMapCompute} or {@code PossibleNestedMapCompute} finding, kept beside
 * {@link FindingText} so both map messages read alike: the map named by {@link
 * IdentitySet#describe()}, the outer entering call by name and line, the inner operation, the path
 * by which it is reached and what happens at run time ({@link MapKind#consequence()}).
 *
 * <pre>{@code
 * MapFindingText.definite("field `cache`", MapKind.CONCURRENT_HASH, "`computeIfAbsent`", 9, "put", "");
 * // `put` on field `cache` (a ConcurrentHashMap) runs inside the mapping function of the
 * // `computeIfAbsent` at line 9 on the same map: ConcurrentHashMap throws ...
 * }</pre>
 */
public final class MapFindingText {

  /**
   * The map, its kind, the inner operation, the outer call, its line, the path, the consequence.
   */
  public static final String DEFINITE_FORMAT =
      "`%3$s` on %1$s (%2$s) runs inside the function of the %4$s at line %5$s on the same"
          + " map%6$s: %7$s. Compute the value outside the call (then putIfAbsent), or keep the"
          + " nested entries in a second map.";

  /**
   * The inner map, the inner operation, the outer call, its line, the outer map, the path, the
   * reason it is only possible.
   */
  public static final String POSSIBLE_FORMAT =
      "`%2$s` on %1$s may modify the map whose %3$s at line %4$s is running this function (%5$s)"
          + "%6$s: %7$s. If they can be the same map, compute the value outside the call (then"
          + " putIfAbsent); if not, suppress this warning.";

  private MapFindingText() {}

  /** The path argument: empty when the inner call is in the closure itself. */
  static String via(String path) {
    return path == null || path.isEmpty() ? "" : "; reached via " + path;
  }

  /**
   * The message of a definite re-entry; {@code outerCall} is named as by {@link
   * FindingText#entering}.
   */
  public static String definite(
      String map, MapKind kind, String outerCall, int outerLine, String innerCall, String via) {
    return String.format(
        DEFINITE_FORMAT,
        map,
        kind.describe(),
        innerCall,
        outerCall,
        outerLine,
        via(via),
        kind.consequence());
  }

  /** The message of a possible re-entry; {@code why} says what is not known. */
  public static String possible(
      String innerMap,
      String innerCall,
      String outerCall,
      int outerLine,
      String outerMap,
      String via,
      String why) {
    return String.format(
        POSSIBLE_FORMAT, innerMap, innerCall, outerCall, outerLine, outerMap, via(via), why);
  }
}
