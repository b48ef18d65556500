package dev.percpu.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * What a method of {@code java.util.Map} (or of an implementation overriding one) does to the map
 * it is called on, as far as the rule of {@code NestedMapCompute} is concerned: the per-API
 * knowledge of the map check, in the style of NullAway's library handlers. {@link #ENTERING}
 * methods ({@code computeIfAbsent}, {@code compute}, {@code computeIfPresent}, {@code merge}) run a
 * caller's closure while they hold the map; the other kinds say whether an inner call conflicts
 * with that, which depends on the map's {@link MapKind}.
 *
 * <pre>{@code
 * Optional<MapOperation.Call> c = MapOperation.of(method, types);
 * if (c.isPresent() && c.get().operation() == MapOperation.ENTERING) {
 *   ExpressionTree closure = call.getArguments().get(c.get().closureIndex());
 * }
 * }</pre>
 */
public enum MapOperation {
  /** {@code compute}, {@code computeIfAbsent}, {@code computeIfPresent}, {@code merge}. */
  ENTERING,
  /** {@code put}, {@code putIfAbsent}, {@code putAll}: may add a mapping. */
  ADD,
  /** {@code remove}: may delete a mapping. */
  REMOVE,
  /** {@code clear}: deletes every mapping. */
  CLEAR,
  /** {@code replace}, {@code replaceAll}: change values of existing mappings only. */
  REPLACE;

  /**
   * One classified call target.
   *
   * @param name the method's simple name, for messages
   * @param operation what it does to the map
   * @param closureIndex the 0-based parameter of the closure an {@link #ENTERING} method runs while
   *     it holds the map, else {@code -1}
   */
  public record Call(String name, MapOperation operation, int closureIndex) {}

  private static final String MAP = "java.util.Map";

  /**
   * Caffeine's {@code Cache}, whose {@code get(key, mappingFunction)} has {@code computeIfAbsent}'s
   * contract on a {@code ConcurrentHashMap} inside ("the mapping function must not attempt to
   * update any other mappings of this cache"), and whose {@code put}, {@code invalidate} and {@code
   * invalidateAll} are its modifications.
   */
  static final String CACHE = "com.github.benmanes.caffeine.cache.Cache";

  private static final Map<String, Call> CACHE_METHODS =
      Map.of(
          "get", new Call("get", ENTERING, 1),
          "put", new Call("put", ADD, -1),
          "putAll", new Call("putAll", ADD, -1),
          "invalidate", new Call("invalidate", REMOVE, -1),
          "invalidateAll", new Call("invalidateAll", CLEAR, -1));

  /** name -> (operation, closure index, parameter count); overloads are told apart by the count. */
  private static final Map<String, Call> ENTERING_METHODS =
      Map.of(
          "computeIfAbsent", new Call("computeIfAbsent", ENTERING, 1),
          "compute", new Call("compute", ENTERING, 1),
          "computeIfPresent", new Call("computeIfPresent", ENTERING, 1),
          "merge", new Call("merge", ENTERING, 2));

  private static final Map<String, MapOperation> MODIFYING =
      Map.of(
          "put", ADD,
          "putIfAbsent", ADD,
          "putAll", ADD,
          "remove", REMOVE,
          "clear", CLEAR,
          "replace", REPLACE,
          "replaceAll", REPLACE);

  /**
   * Whether a method of this simple name can be a map operation at all: the cheap test a checker
   * makes before resolving anything.
   */
  public static boolean isCandidateName(CharSequence name) {
    String s = name.toString();
    return ENTERING_METHODS.containsKey(s)
        || MODIFYING.containsKey(s)
        || CACHE_METHODS.containsKey(s);
  }

  /**
   * Whether a method of this simple name and parameter count can be an {@link #ENTERING} map or
   * cache method (a cache's {@code get(key, function)} has two parameters; {@code Map.get} one).
   */
  public static boolean isEnteringName(CharSequence name, int arity) {
    String s = name.toString();
    Call c = ENTERING_METHODS.get(s);
    if (c == null) {
      c = CACHE_METHODS.get(s);
    }
    return c != null && c.operation() == ENTERING && arity == c.closureIndex() + 1;
  }

  /**
   * What {@code method} does to its receiver map, or empty when it is not an instance method of a
   * {@code java.util.Map} type with one of the listed names ({@code Collection.remove}, a static
   * {@code merge} or a user's own {@code put(String)} on a non-map class are not).
   */
  public static Optional<Call> of(ExecutableElement method, Types types) {
    String name = method.getSimpleName().toString();
    Call entering = ENTERING_METHODS.get(name);
    MapOperation modifying = MODIFYING.get(name);
    if (entering == null && modifying == null && !CACHE_METHODS.containsKey(name)) {
      return Optional.empty();
    }
    if (method.getModifiers().contains(Modifier.STATIC)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    int arity = method.getParameters().size();
    if ((entering != null || modifying != null) && isMap(owner.asType(), types)) {
      if (entering != null) {
        // computeIfAbsent(k, f), compute(k, f), computeIfPresent(k, f), merge(k, v, f)
        return arity == entering.closureIndex() + 1 ? Optional.of(entering) : Optional.empty();
      }
      return Optional.of(new Call(name, modifying, -1));
    }
    Call cacheCall = CACHE_METHODS.get(name);
    if (cacheCall != null
        && (cacheCall.operation() != ENTERING || arity == cacheCall.closureIndex() + 1)
        && isSubtypeOf(owner.asType(), CACHE, types)) {
      return Optional.of(cacheCall);
    }
    return Optional.empty();
  }

  /** Whether {@code type} is {@code java.util.Map} or a subtype of it. */
  public static boolean isMap(TypeMirror type, Types types) {
    return isSubtypeOf(type, MAP, types);
  }

  /** Whether {@code type} is the type named {@code qualifiedName} or a subtype of it. */
  static boolean isSubtypeOf(TypeMirror type, String qualifiedName, Types types) {
    Deque<TypeMirror> work = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    work.add(type);
    while (!work.isEmpty()) {
      TypeMirror t = work.poll();
      if (t.getKind() == TypeKind.TYPEVAR) {
        work.add(((TypeVariable) t).getUpperBound()); // <M extends Map<K, V>>
        continue;
      }
      if (t.getKind() == TypeKind.INTERSECTION) {
        work.addAll(((IntersectionType) t).getBounds());
        continue;
      }
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      String qualified =
          ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
      if (qualified.equals(qualifiedName)) {
        return true;
      }
      if (seen.add(qualified)) {
        work.addAll(types.directSupertypes(t));
      }
    }
    return false;
  }
}
