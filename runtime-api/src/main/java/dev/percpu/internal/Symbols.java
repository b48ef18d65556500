package dev.percpu.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The named static per-CPU variables: the Java counterpart of the kernel's {@code DEFINE_PER_CPU}
 * section. A symbol is defined once per JVM and lives as long as it; every lookup returns the same
 * {@link Allocation}, so handles from different lookups alias each other exactly like clones.
 */
public final class Symbols {
  private static final Map<String, Definition> DEFINED = new ConcurrentHashMap<>();

  private record Definition(Class<?> type, Allocation<?> allocation) {}

  private Symbols() {}

  /**
   * Defines {@code symbol} with one value of {@code type} per CPU.
   *
   * @throws IllegalArgumentException if {@code symbol} is empty
   * @throws IllegalStateException if {@code symbol} is already defined
   * @throws ClassCastException if {@code initialValue} returns something that is not a {@code type}
   */
  public static <T> Allocation<T> define(
      String symbol, Class<T> type, Supplier<? extends T> initialValue, String site) {
    if (symbol.isEmpty()) {
      throw new IllegalArgumentException("a per-CPU symbol must not be the empty string");
    }
    Definition existing = DEFINED.get(symbol);
    if (existing != null) {
      throw alreadyDefined(symbol, type, existing);
    }
    Class<?> boxed = boxed(type);
    Allocation<T> allocation =
        new Allocation<>(
            cpu -> {
              T value = initialValue.get();
              if (value != null && !boxed.isInstance(value)) {
                throw new ClassCastException(
                    "the initial value of per-CPU variable '"
                        + symbol
                        + "' for CPU "
                        + cpu
                        + " is a "
                        + typeName(value.getClass())
                        + ", not a "
                        + typeName(type));
              }
              return value;
            },
            symbol,
            site);
    existing = DEFINED.putIfAbsent(symbol, new Definition(type, allocation));
    if (existing != null) {
      throw alreadyDefined(symbol, type, existing);
    }
    return allocation;
  }

  /**
   * The allocation defined under {@code symbol}, viewed as values of {@code type}.
   *
   * @throws IllegalArgumentException if no such symbol is defined
   * @throws ClassCastException if its values are not all {@code type}s
   */
  @SuppressWarnings("unchecked")
  public static <T> Allocation<T> lookup(String symbol, Class<T> type) {
    Definition definition = DEFINED.get(symbol);
    if (definition == null) {
      throw new IllegalArgumentException(
          "no per-CPU variable '"
              + symbol
              + "' is defined; define it first with PerCpu.define(\""
              + symbol
              + "\", "
              + type.getSimpleName()
              + ".class, initialValue)");
    }
    // The values never change identity, so a view as any supertype of the defined type is sound.
    if (!boxed(type).isAssignableFrom(boxed(definition.type()))) {
      throw new ClassCastException(
          "per-CPU variable '"
              + symbol
              + "' holds "
              + typeName(definition.type())
              + " values (defined at "
              + definition.allocation().site()
              + "), not "
              + typeName(type));
    }
    return (Allocation<T>) definition.allocation();
  }

  private static IllegalStateException alreadyDefined(
      String symbol, Class<?> type, Definition existing) {
    return new IllegalStateException(
        "per-CPU variable '"
            + symbol
            + "' is already defined (as "
            + typeName(existing.type())
            + " at "
            + existing.allocation().site()
            + "); it cannot be defined again as "
            + typeName(type)
            + ": look it up with PerCpu.symbol instead");
  }

  /**
   * How messages name a type: as source code would ({@code long[]}, {@code java.util.Map.Entry}),
   * not as the JVM does ({@code [J}, {@code java.util.Map$Entry}); a class without a canonical name
   * (local, anonymous, hidden) falls back to its binary name.
   */
  static String typeName(Class<?> type) {
    String canonical = type.getCanonicalName();
    return canonical != null ? canonical : type.getName();
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    } else if (type == long.class) {
      return Long.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == float.class) {
      return Float.class;
    } else if (type == short.class) {
      return Short.class;
    } else if (type == byte.class) {
      return Byte.class;
    } else if (type == char.class) {
      return Character.class;
    }
    return Void.class;
  }
}
