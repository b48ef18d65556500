package dev.percpu.errorprone.nesting;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.element.ElementKind;

/**
 * What a handle or token expression reaches, in the terms of {@code analysis-model.md}: a fresh
 * allocation site, a named one (a symbol string, or a variable whose allocation is stable but not
 * known), or an unknown one that only carries its type argument.
 *
 * <p>Values are immutable. Equality is identity of the allocation, not of the label used to name it
 * in messages.
 */
sealed interface Allocation {

  /** The per-CPU value type, or {@code null} when not known (raw types, erroneous code). */
  Type typeArgument();

  /** How a message names the allocation. */
  String describe();

  /**
   * Whether two values of this kind that are unequal are proven to be different allocations (fresh
   * sites and symbols are; variables and unknown values may alias anything compatible).
   */
  boolean concrete();

  /**
   * One {@code allocate} call site.
   *
   * @param site the call
   * @param perEvaluation whether the site is in code that runs more than once per object (a method
   *     body, not a field initialiser), so that one call of a method cannot see another call's
   *     allocation: such an allocation is dropped when a method summary is applied at a call site
   * @param label the variable the allocation was first seen through, for messages
   */
  record Fresh(Tree site, boolean perEvaluation, Type typeArgument, String label, int line)
      implements Allocation {
    @Override
    public boolean equals(Object o) {
      return o instanceof Fresh f && f.site == site;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(site);
    }

    @Override
    public String describe() {
      return label.isEmpty() ? "the allocation made at line " + line : "`" + label + "`";
    }

    @Override
    public boolean concrete() {
      return true;
    }

    Fresh withLabel(String newLabel) {
      return label.isEmpty() ? new Fresh(site, perEvaluation, typeArgument, newLabel, line) : this;
    }
  }

  /** The static per-CPU variable defined under a constant symbol string. */
  record Symbolic(String name, Type typeArgument) implements Allocation {
    @Override
    public boolean equals(Object o) {
      return o instanceof Symbolic s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String describe() {
      return "symbol \"" + name + "\"";
    }

    @Override
    public boolean concrete() {
      return true;
    }
  }

  /**
   * Whatever a final field, effectively-final local or parameter holds when its initialiser does
   * not say more: the same variable always reaches the same allocation, but two variables may
   * alias.
   */
  record Named(VarSymbol variable, Type typeArgument, boolean distinct) implements Allocation {
    @Override
    public boolean equals(Object o) {
      return o instanceof Named n && n.variable == variable;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(variable);
    }

    @Override
    public String describe() {
      String kind =
          variable.getKind() == ElementKind.FIELD
              ? "field"
              : variable.getKind() == ElementKind.PARAMETER ? "parameter" : "variable";
      return kind + " `" + variable.getSimpleName() + "`";
    }

    @Override
    public boolean concrete() {
      return false;
    }

    boolean isParameterOf(Symbol method) {
      return variable.owner == method && variable.getKind() == ElementKind.PARAMETER;
    }
  }

  /** A method result, collection element, non-final field: only the type argument is known. */
  record Unknown(Type typeArgument, String label) implements Allocation {
    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u
          && u.label.equals(label)
          && sameType(u.typeArgument, typeArgument);
    }

    @Override
    public int hashCode() {
      return label.hashCode();
    }

    @Override
    public String describe() {
      return label;
    }

    @Override
    public boolean concrete() {
      return false;
    }

    private static boolean sameType(Type a, Type b) {
      return a == null ? b == null : b != null && a.toString().equals(b.toString());
    }
  }
}
