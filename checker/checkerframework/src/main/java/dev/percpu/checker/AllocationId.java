package dev.percpu.checker;

import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.AllocationIdentity.Fresh;
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
 * <p>A fresh site is {@code fresh:N} and a variable {@code var:NAME@N}, where {@code N} numbers the
 * site or the variable within the compilation; a symbol is {@code symbol:NAME}; {@code distinct:}
 * in front marks a {@code @Distinct} declaration or method result. The numbered trees and elements
 * are kept here, so that decoding gives back the model's value, the field that owns a site's
 * allocation ({@link Fresh#ofInstance()}) included.
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

  /** Sites and variables -> their numbers, shared by all compilation units of a run. */
  private final Map<Object, Integer> numbers = new IdentityHashMap<>();

  private final Map<Integer, Fresh> sites = new HashMap<>();
  private final Map<Integer, VariableElement> variables = new HashMap<>();

  /** Encodes {@code identity} as a qualifier string; an unknown one has none ({@code null}). */
  String encode(AllocationIdentity identity) {
    String distinct = identity.isPromisedDistinct() ? DISTINCT : "";
    if (identity instanceof Fresh f) {
      int n = number(f.site());
      sites.putIfAbsent(n, f);
      return distinct + FRESH + n;
    }
    if (identity instanceof Symbolic s) {
      return SYMBOL + s.name();
    }
    if (identity instanceof Variable v) {
      int n = number(v.variable());
      variables.putIfAbsent(n, v.variable());
      return distinct + VAR + v.variable().getSimpleName() + "@" + n;
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
    boolean distinct = key.startsWith(DISTINCT);
    String k = distinct ? key.substring(DISTINCT.length()) : key;
    if (k.startsWith(SYMBOL)) {
      return new Symbolic(k.substring(SYMBOL.length()), typeArgument);
    }
    if (k.startsWith(FRESH)) {
      Fresh f = sites.get(Integer.valueOf(k.substring(FRESH.length())));
      if (f != null) {
        Fresh labelled = f.labelled(label);
        return distinct && !f.distinct()
            ? new Fresh(
                f.site(),
                f.scope(),
                true,
                labelled.typeArgument(),
                labelled.label(),
                f.line(),
                f.field())
            : labelled;
      }
    } else if (k.startsWith(VAR)) {
      VariableElement v = variables.get(Integer.valueOf(k.substring(k.lastIndexOf('@') + 1)));
      if (v != null) {
        return new Variable(v, typeArgument, distinct);
      }
    }
    // Written by hand in the source (@Allocation("x")): nothing says which allocation it is.
    return new Unknown(typeArgument, "`" + key + "`");
  }

  /** {@code key} under the {@code @Distinct} promise of the declaration it was read through. */
  String promisedDistinct(String key) {
    return key.startsWith(DISTINCT) || key.startsWith(SYMBOL) ? key : DISTINCT + key;
  }

  private int number(Object siteOrElement) {
    return numbers.computeIfAbsent(siteOrElement, k -> numbers.size() + 1);
  }
}
