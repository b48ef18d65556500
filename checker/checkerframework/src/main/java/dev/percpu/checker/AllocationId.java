package dev.percpu.checker;

import dev.percpu.analysis.TypeArguments;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What a handle or token expression reaches, read off its {@code @Allocation} qualifier: a fresh
 * allocation site, a static symbol, a final field or effectively final variable, or nothing known
 * ({@code key == null}). The type argument is kept because handles of different type arguments can
 * never reach the same allocation.
 *
 * @param key the {@code @Allocation} name, or {@code null} when unknown
 * @param typeArg the handle's type argument, or {@code null} when not known
 * @param description how the handle reads in the source, for messages
 * @param scope for a fresh site, the method whose body contains it; for a method parameter, that
 *     method; else {@code null}
 */
record AllocationId(String key, TypeMirror typeArg, String description, Element scope) {

  AllocationId(String key, TypeMirror typeArg, String description) {
    this(key, typeArg, description, null);
  }

  // The qualifier's string is the checker's whole representation of identity, so its encoding is
  // kept here and nowhere else: the factory builds keys with the factories below, and every other
  // class asks the predicates instead of testing prefixes.
  private static final String FRESH = "fresh:";
  private static final String SYMBOL = "symbol:";
  private static final String FIELD = "field:";
  private static final String VAR = "var:";

  /** Prefix of names whose declaration promises (with {@code @Distinct}) not to alias others. */
  private static final String DISTINCT = "distinct:";

  /** The key of one {@code allocate} site, named by {@code site}. */
  static String freshKey(String site) {
    return FRESH + site;
  }

  /** The key of the static per-CPU variable {@code symbol}. */
  static String symbolKey(String symbol) {
    return SYMBOL + symbol;
  }

  /** The key of a final field, named by its owner's qualified name and its own name. */
  static String fieldKey(String owner, String field) {
    return FIELD + owner + "." + field;
  }

  /** The key of a local variable or parameter, {@code name} made unique by {@code site}. */
  static String variableKey(String name, String site) {
    return VAR + name + "@" + site;
  }

  /** {@code key} under the {@code @Distinct} promise. */
  static String distinctKey(String key) {
    return DISTINCT + key;
  }

  /** Whether {@code key} names a fresh allocation site. */
  static boolean isFreshKey(String key) {
    return key != null && key.startsWith(FRESH);
  }

  /** Whether {@code key} names a local variable or parameter, promised distinct or not. */
  static boolean isVariableKey(String key) {
    return key != null && (key.startsWith(VAR) || key.startsWith(DISTINCT + VAR));
  }

  /** Whether this identity is a static symbol; its key then reads as {@code symbol:NAME}. */
  boolean isSymbol() {
    return key != null && key.startsWith(SYMBOL);
  }

  static AllocationId unknown(TypeMirror typeArg, String description) {
    return new AllocationId(null, typeArg, description);
  }

  boolean isKnown() {
    return key != null;
  }

  /** How two entries of these identities relate; the order of the arguments does not matter. */
  static Aliasing compare(AllocationId a, AllocationId b, Types types) {
    if (a.isKnown() && b.isKnown() && a.key.equals(b.key)) {
      return Aliasing.SAME;
    }
    if ((a.isKnown() && a.key.startsWith(DISTINCT))
        || (b.isKnown() && b.key.startsWith(DISTINCT))) {
      return Aliasing.DISTINCT; // the @Distinct promise: no other handle in scope reaches it
    }
    if (!TypeArguments.mayBeSame(a.typeArg, b.typeArg, types)) {
      return Aliasing.DISTINCT;
    }
    if (!a.isKnown() || !b.isKnown()) {
      return Aliasing.MAYBE;
    }
    if (freshAfterParameter(a, b) || freshAfterParameter(b, a)) {
      // A method's parameters hold handles that existed before the method allocated anything.
      return Aliasing.DISTINCT;
    }
    boolean aIndependent = a.key.startsWith(FRESH) || a.key.startsWith(SYMBOL);
    boolean bIndependent = b.key.startsWith(FRESH) || b.key.startsWith(SYMBOL);
    // A fresh site or a symbol never reaches another site's or symbol's allocation.
    return aIndependent && bIndependent ? Aliasing.DISTINCT : Aliasing.MAYBE;
  }

  private static boolean freshAfterParameter(AllocationId fresh, AllocationId param) {
    return fresh.scope != null
        && fresh.key.startsWith(FRESH)
        && param.key.startsWith(VAR)
        && fresh.scope.equals(param.scope);
  }

  /** How an inner entry relates to an entry already on the stack. */
  enum Aliasing {
    /** Definitely the same allocation. */
    SAME,
    /** Possibly the same: nothing proves otherwise. */
    MAYBE,
    /** Provably different allocations. */
    DISTINCT
  }
}
