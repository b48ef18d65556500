package dev.percpu.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * Which rule a map follows while one of its {@link MapOperation#ENTERING} methods runs a closure,
 * decided from the most specific type known for the map object: the class of its {@code new}
 * expression when the checker sees it, else its static type.
 *
 * <table>
 *   <caption>Kinds, and the inner operations on the same map that conflict</caption>
 *   <tr><th>kind</th><th>types</th><th>conflicting inner operations</th></tr>
 *   <tr><td>{@link #CONCURRENT_HASH}</td><td>{@code ConcurrentHashMap}, a {@code ConcurrentMap}
 *       of no known implementation, Caffeine's {@code Cache}</td><td>compute*, merge, put*, remove, replace, clear</td></tr>
 *   <tr><td>{@link #LOCK_FREE}</td><td>{@code ConcurrentSkipListMap}, {@code
 *       ConcurrentNavigableMap}</td><td>none</td></tr>
 *   <tr><td>{@link #STRUCTURAL}</td><td>{@code HashMap}, {@code LinkedHashMap}, {@code TreeMap},
 *       {@code Hashtable} and every other class implementing {@code Map}</td><td>the structural
 *       modifications: compute*, merge, put*, remove, clear (not replace)</td></tr>
 *   <tr><td>{@link #UNKNOWN}</td><td>{@code Map}, {@code SortedMap}, {@code NavigableMap}, {@code
 *       AbstractMap}: no implementation known</td><td>the structural modifications definitely;
 *       replace possibly (it conflicts only if the map is a concurrent hash map)</td></tr>
 * </table>
 *
 * <p>A map of unknown implementation is taken to be one of the JDK's general-purpose maps: the
 * operations that conflict for both {@code HashMap} and {@code ConcurrentHashMap} conflict for it
 * definitely. {@code Map}'s own contract says the same ("the mapping function should not modify
 * this map during computation"); the JDK's one tolerant implementation, {@code
 * ConcurrentSkipListMap}, is recognised when its type or allocation is seen.
 *
 * <pre>{@code
 * MapKind kind = MapKind.of(receiverType, types);
 * Verdict conflict = kind.conflict(MapOperation.ADD); // DEFINITE for a HashMap
 * }</pre>
 */
public enum MapKind {
  /**
   * {@code ConcurrentHashMap}: an entering method locks the key's bin (on an empty bin, a
   * reservation node); a modification of the same bin from inside throws {@code
   * IllegalStateException("Recursive update")} or silently loses an update.
   */
  CONCURRENT_HASH,
  /**
   * {@code ConcurrentSkipListMap}: lock-free, so an entering method may run its closure more than
   * once, but nested modifications neither throw nor corrupt.
   */
  LOCK_FREE,
  /**
   * A non-concurrent map: an entering method checks the modification count around the closure and
   * throws {@code ConcurrentModificationException} (or, for implementations that do not check,
   * loses an update) when the closure added or removed a mapping.
   */
  STRUCTURAL,
  /** An interface type with no implementation known. */
  UNKNOWN;

  private static final String MAP = "java.util.Map";
  private static final Set<String> UNKNOWN_TYPES =
      Set.of(MAP, "java.util.SortedMap", "java.util.NavigableMap", "java.util.AbstractMap");
  private static final Set<String> LOCK_FREE_TYPES =
      Set.of(
          "java.util.concurrent.ConcurrentSkipListMap",
          "java.util.concurrent.ConcurrentNavigableMap");
  private static final String CONCURRENT_HASH_MAP = "java.util.concurrent.ConcurrentHashMap";
  private static final String CONCURRENT_MAP = "java.util.concurrent.ConcurrentMap";

  /**
   * The kind of a map whose most specific known type is {@code type}; {@link #UNKNOWN} for a type
   * that is no map (erroneous code) as for the interface {@code Map} itself.
   */
  public static MapKind of(TypeMirror type, Types types) {
    boolean concurrent = false;
    boolean known = false;
    Deque<TypeMirror> work = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    if (type != null) {
      work.add(type);
    }
    boolean first = true;
    while (!work.isEmpty()) {
      TypeMirror t = work.poll();
      if (t.getKind() == TypeKind.TYPEVAR) {
        work.add(((TypeVariable) t).getUpperBound());
        continue;
      }
      if (t.getKind() == TypeKind.INTERSECTION) {
        work.addAll(((IntersectionType) t).getBounds());
        continue;
      }
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      String name = PerCpuApi.erasedName(t);
      if (!seen.add(name)) {
        continue;
      }
      if (name.equals(CONCURRENT_HASH_MAP) || name.equals(MapOperation.CACHE)) {
        return CONCURRENT_HASH;
      }
      if (LOCK_FREE_TYPES.contains(name)) {
        return LOCK_FREE;
      }
      if (name.equals(CONCURRENT_MAP)) {
        concurrent = true; // unless a more specific supertype says otherwise
      } else if (first && !UNKNOWN_TYPES.contains(name) && isClass(t)) {
        known = true; // a class implementing Map: its own implementation, not an interface's
      }
      first = false;
      work.addAll(types.directSupertypes(t));
    }
    if (concurrent) {
      return CONCURRENT_HASH;
    }
    return known && MapOperation.isMap(type, types) ? STRUCTURAL : UNKNOWN;
  }

  /**
   * Whether an inner {@code operation} on the same map, inside one of its entering methods'
   * closure, breaks this kind's rule: {@link Verdict#DEFINITE} if it does, {@link Verdict#POSSIBLE}
   * if it does for some implementations this kind stands for, {@link Verdict#DISTINCT} if it never
   * does.
   */
  public Verdict conflict(MapOperation operation) {
    return switch (this) {
      case CONCURRENT_HASH -> Verdict.DEFINITE;
      case LOCK_FREE -> Verdict.DISTINCT;
      case STRUCTURAL -> operation == MapOperation.REPLACE ? Verdict.DISTINCT : Verdict.DEFINITE;
      case UNKNOWN -> operation == MapOperation.REPLACE ? Verdict.POSSIBLE : Verdict.DEFINITE;
    };
  }

  /** What happens at run time, for messages: the consequence of a re-entry of this kind. */
  public String consequence() {
    return switch (this) {
      case CONCURRENT_HASH ->
          "ConcurrentHashMap throws IllegalStateException (\"Recursive update\") when the inner"
              + " call reaches the bin the outer one holds, and otherwise may lose an update";
      case LOCK_FREE -> "this map tolerates it";
      case STRUCTURAL ->
          "the map throws ConcurrentModificationException when the inner call adds or removes a"
              + " mapping (or, if it does not check, loses an update)";
      case UNKNOWN ->
          "Map's contract forbids it: HashMap-like maps throw ConcurrentModificationException,"
              + " ConcurrentHashMap throws IllegalStateException (\"Recursive update\")";
    };
  }

  /** How a message names the kind: {@code a ConcurrentHashMap}. */
  public String describe() {
    return switch (this) {
      case CONCURRENT_HASH -> "a ConcurrentHashMap";
      case LOCK_FREE -> "a ConcurrentSkipListMap";
      case STRUCTURAL -> "a non-concurrent map";
      case UNKNOWN -> "a Map of unknown implementation";
    };
  }

  private static boolean isClass(TypeMirror t) {
    return ((DeclaredType) t).asElement().getKind().isClass();
  }
}
