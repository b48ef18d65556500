package dev.percpu.checker;

import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.OfHeldObject;
import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The one translation between the string of an {@code @Allocation} qualifier, which is how the type
 * system and the framework's flow refinement carry identity, and the shared model's {@link
 * AllocationIdentity}, which every comparison and message uses. No other class reads or builds a
 * qualifier string.
 *
 * <p>A fresh site is {@code fresh:N}, or {@code fresh:N!F} as the allocation of an object or class
 * held by field {@code F} ({@link Fresh#ofInstance()} when that field is an instance field); a
 * variable is {@code var:NAME@N}, where {@code N} and {@code F} number the site or the variable
 * within the compilation; a symbol is {@code symbol:NAME}; {@code distinct:} in front marks a
 * {@code @Distinct} declaration or method result. A field read through a stable variable ({@link
 * OfHeldObject}) is {@code held:H.F:KEY}, the holder {@code H}, the field {@code F} and the key of
 * what that field reaches on its own object. The numbered trees and elements are kept here, so that
 * decoding gives back the model's value.
 *
 * <pre>{@code
 * String key = ids.encode(new Fresh(call, method, false, longArray, "", 12)); // "fresh:3"
 * AllocationIdentity same = ids.decode(key, longArray, "counts");           // `counts`, line 12
 * }</pre>
 */
final class AllocationId {

  private static final String FRESH = "fresh:";
  private static final String SYMBOL = "symbol:";
  private static final String VAR = "var:";
  private static final String DISTINCT = "distinct:";
  private static final String HELD = "held:";
  private static final String OWNER = "!";

  /** Sites and variables -> their numbers, shared by all compilation units of a run. */
  private final Map<Object, Integer> numbers = new IdentityHashMap<>();

  private final Map<Integer, Fresh> sites = new HashMap<>();
  private final Map<Integer, VariableElement> variables = new HashMap<>();

  /** Encodes {@code identity} as a qualifier string; an unknown one has none ({@code null}). */
  String encode(AllocationIdentity identity) {
    String distinct = identity.isPromisedDistinct() ? DISTINCT : "";
    if (identity instanceof Fresh f) {
      int n = number(f.site());
      sites.putIfAbsent(n, new Fresh(f.site(), f.scope(), false, f.typeArgument(), "", f.line()));
      return distinct + FRESH + n + (f.field() == null ? "" : OWNER + variable(f.field()));
    }
    if (identity instanceof Symbolic s) {
      return SYMBOL + s.name();
    }
    if (identity instanceof Variable v) {
      return distinct + VAR + v.variable().getSimpleName() + "@" + variable(v.variable());
    }
    if (identity instanceof OfHeldObject h) {
      String onObject = encode(h.onObject());
      return onObject == null
          ? null
          : HELD + variable(h.holder()) + "." + variable(h.field()) + ":" + onObject;
    }
    return null;
  }

  /**
   * The identity a qualifier string stands for.
   *
   * @param key the string, or {@code null} for {@code @UnknownAllocation}
   * @param typeArgument the handle's type argument, or {@code null}
   * @param label how the expression reads, for messages: names an unknown value, or a fresh site
   *     seen through a variable
   */
  AllocationIdentity decode(String key, TypeMirror typeArgument, String label) {
    if (key == null) {
      return new Unknown(typeArgument, label);
    }
    AllocationIdentity id = decodeKnown(key, typeArgument, label);
    // Written by hand in the source (@Allocation("x")): nothing says which allocation it is.
    return id != null ? id : new Unknown(typeArgument, "`" + key + "`");
  }

  private AllocationIdentity decodeKnown(String key, TypeMirror typeArgument, String label) {
    try {
      if (key.startsWith(HELD)) {
        int dot = key.indexOf('.');
        int colon = key.indexOf(':', dot);
        VariableElement holder = variables.get(Integer.valueOf(key.substring(HELD.length(), dot)));
        VariableElement field = variables.get(Integer.valueOf(key.substring(dot + 1, colon)));
        AllocationIdentity onObject = decodeKnown(key.substring(colon + 1), typeArgument, "");
        return holder == null || field == null || onObject == null
            ? null
            : new OfHeldObject(holder, field, onObject);
      }
      boolean distinct = key.startsWith(DISTINCT);
      String k = distinct ? key.substring(DISTINCT.length()) : key;
      if (k.startsWith(SYMBOL)) {
        return new Symbolic(k.substring(SYMBOL.length()), typeArgument);
      }
      if (k.startsWith(FRESH)) {
        int owner = k.indexOf(OWNER);
        String n = owner < 0 ? k.substring(FRESH.length()) : k.substring(FRESH.length(), owner);
        Fresh f = sites.get(Integer.valueOf(n));
        if (f == null) {
          return null;
        }
        if (owner >= 0) {
          // The allocation of an object or class, seen through the field that holds it.
          VariableElement field = variables.get(Integer.valueOf(k.substring(owner + 1)));
          f = field == null ? f : f.perObject().ownedBy(field);
        }
        Fresh labelled = f.labelled(label);
        return new Fresh(
            f.site(),
            f.scope(),
            distinct,
            labelled.typeArgument(),
            labelled.label(),
            f.line(),
            f.field());
      }
      if (k.startsWith(VAR)) {
        VariableElement v = variables.get(Integer.valueOf(k.substring(k.lastIndexOf('@') + 1)));
        return v == null ? null : new Variable(v, typeArgument, distinct);
      }
    } catch (RuntimeException e) {
      // A malformed string written by hand: no allocation this class made.
    }
    return null;
  }

  /** {@code key} under the {@code @Distinct} promise of the declaration it was read through. */
  String promisedDistinct(String key) {
    if (key.startsWith(HELD)) {
      int colon = key.indexOf(':', key.indexOf('.'));
      return colon < 0
          ? key
          : key.substring(0, colon + 1) + promisedDistinct(key.substring(colon + 1));
    }
    return key.startsWith(DISTINCT) || key.startsWith(SYMBOL) ? key : DISTINCT + key;
  }

  private int variable(VariableElement v) {
    int n = number(v);
    variables.putIfAbsent(n, v);
    return n;
  }

  private int number(Object siteOrElement) {
    return numbers.computeIfAbsent(siteOrElement, k -> numbers.size() + 1);
  }
}
