package dev.percpu.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The map and cache methods {@code NestedMapCompute} knows: the built-in ones of {@link
 * MapOperation} ({@code java.util.Map}, Caffeine's {@code Cache}) plus those configured with the
 * map roles of {@link ApiMethodSpec}, for a user's own cache with the same contract. A configured
 * method matches calls on its owner and on the owner's subtypes; a configured {@code map-compute}
 * entry also gives the owner's {@link MapKind}. Instances are immutable.
 *
 * <pre>{@code
 * MapMethods methods = MapMethods.create(List.of("com.acme.Cache#get=map-compute:1:concurrent"));
 * Optional<MapOperation.Call> call = methods.of(method, types); // ENTERING, closure 1
 * MapKind kind = methods.kindOf(receiverType, types); // CONCURRENT_HASH for a com.acme.Cache
 * }</pre>
 */
public final class MapMethods {

  private static final MapMethods BUILT_IN = new MapMethods(Map.of(), Map.of());

  /** method name -> owner -> what the method does; few entries, so owners are tried in turn. */
  private final Map<String, Map<String, MapOperation.Call>> configured;

  /** owner -> the rule its instances follow while a configured entering method runs. */
  private final Map<String, MapKind> kinds;

  private MapMethods(
      Map<String, Map<String, MapOperation.Call>> configured, Map<String, MapKind> kinds) {
    this.configured = configured;
    this.kinds = kinds;
  }

  /** The built-in methods only. */
  public static MapMethods builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in methods plus the map entries among {@code specs} (other entries are skipped: they
   * are {@link PerCpuApi}'s).
   *
   * @throws IllegalArgumentException naming a malformed entry, or two entries giving one owner
   *     different kinds
   */
  public static MapMethods create(List<String> specs) {
    Map<String, Map<String, MapOperation.Call>> configured = new HashMap<>();
    Map<String, MapKind> kinds = new HashMap<>();
    Map<String, String> kindSource = new HashMap<>();
    for (String text : specs) {
      if (text.isBlank()) {
        continue;
      }
      ApiMethodSpec spec = ApiMethodSpec.parse(text);
      if (spec.mapCall() == null) {
        continue;
      }
      configured
          .computeIfAbsent(spec.method(), k -> new HashMap<>())
          .put(spec.owner(), spec.mapCall());
      if (spec.mapKind() != null) {
        MapKind before = kinds.putIfAbsent(spec.owner(), spec.mapKind());
        if (before != null && before != spec.mapKind()) {
          throw new IllegalArgumentException(
              "invalid percpu API method spec '"
                  + text.trim()
                  + "': '"
                  + kindSource.get(spec.owner())
                  + "' gives "
                  + spec.owner()
                  + " another map kind");
        }
        kindSource.putIfAbsent(spec.owner(), text.trim());
      }
    }
    if (configured.isEmpty()) {
      return BUILT_IN;
    }
    Map<String, Map<String, MapOperation.Call>> frozen = new HashMap<>();
    configured.forEach((name, byOwner) -> frozen.put(name, Map.copyOf(byOwner)));
    return new MapMethods(Map.copyOf(frozen), Map.copyOf(kinds));
  }

  /** Whether a method of this simple name can be a map operation: the cheap test first. */
  public boolean isCandidateName(CharSequence name) {
    return MapOperation.isCandidateName(name)
        || (!configured.isEmpty() && configured.containsKey(name.toString()));
  }

  /**
   * Whether a method of this simple name and parameter count can be an {@link
   * MapOperation#ENTERING} method.
   */
  public boolean isEnteringName(CharSequence name, int arity) {
    if (MapOperation.isEnteringName(name, arity)) {
      return true;
    }
    if (configured.isEmpty()) {
      return false;
    }
    for (MapOperation.Call c : configured.getOrDefault(name.toString(), Map.of()).values()) {
      if (c.operation() == MapOperation.ENTERING && arity > c.closureIndex()) {
        return true;
      }
    }
    return false;
  }

  /** What {@code method} does to its receiver: built in, else configured, else empty. */
  public Optional<MapOperation.Call> of(ExecutableElement method, Types types) {
    Optional<MapOperation.Call> builtIn = MapOperation.of(method, types);
    if (builtIn.isPresent() || configured.isEmpty()) {
      return builtIn;
    }
    Map<String, MapOperation.Call> byOwner = configured.get(method.getSimpleName().toString());
    if (byOwner == null
        || method.getModifiers().contains(Modifier.STATIC)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    int arity = method.getParameters().size();
    for (Map.Entry<String, MapOperation.Call> e : byOwner.entrySet()) {
      MapOperation.Call c = e.getValue();
      if ((c.operation() != MapOperation.ENTERING || arity > c.closureIndex())
          && MapOperation.isSubtypeOf(owner.asType(), e.getKey(), types)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The rule a map or cache of static or allocated type {@code type} follows: a configured owner's
   * kind when {@code type} is that owner or a subtype of it, else {@link MapKind#of}.
   */
  public MapKind kindOf(TypeMirror type, Types types) {
    if (type != null) {
      for (Map.Entry<String, MapKind> e : kinds.entrySet()) {
        if (MapOperation.isSubtypeOf(type, e.getKey(), types)) {
          return e.getValue();
        }
      }
    }
    return MapKind.of(type, types);
  }
}
