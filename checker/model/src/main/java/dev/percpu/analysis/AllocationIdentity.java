package dev.percpu.analysis;

import com.sun.source.tree.Tree;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * What a handle or token expression reaches, in the terms of {@code analysis-model.md}: a {@link
 * Fresh} allocation site, the static variable of a {@link Symbolic} name, a stable {@link Variable}
 * whose initialiser says no more, an allocation of the object a stable variable holds ({@link
 * OfHeldObject}), or an {@link Unknown} allocation that only carries its type argument. {@link
 * Verdict#of} compares two of them.
 *
 * <p>Values are immutable. Equality is identity of the allocation, not of the words used to name it
 * in messages ({@link #describe()}): two {@code Fresh} values of one site are equal whatever their
 * labels.
 *
 * <pre>{@code
 * AllocationIdentity counts = new Fresh(call, null, false, longArray, "counts", 3);
 * AllocationIdentity other = new Variable(parameter, longArray, false);
 * Verdict.of(other, counts, types); // POSSIBLE
 * }</pre>
 */
public sealed interface AllocationIdentity {

  /** The per-CPU value type, or {@code null} when not known (raw types, erroneous code). */
  TypeMirror typeArgument();

  /** How a finding names the allocation: {@code `counts`}, {@code parameter `other`}. */
  String describe();

  /**
   * Whether a handle with this identity reaches one allocation for as long as the identity is in
   * scope, so that two equal identities are definitely the same allocation. Only {@link Unknown} is
   * not.
   */
  default boolean isStable() {
    return true;
  }

  /**
   * Whether the program promises, with {@code @Distinct}, that no other handle in scope reaches
   * this allocation.
   */
  default boolean isPromisedDistinct() {
    return false;
  }

  /**
   * One {@code allocate} (or {@code @FreshAllocation}) call site.
   *
   * @param site the call; equality is by this tree's identity
   * @param scope the method or constructor one evaluation of whose body makes this allocation, or
   *     {@code null} when the identity stands for the allocation of an object or a class (a field
   *     initialiser, or a final field's value seen through the field). Within its scope the
   *     allocation is newer than every parameter's value, which {@link Verdict#of} uses.
   * @param distinct whether the site is a call of a {@code @Distinct} method, whose result no other
   *     handle in scope reaches
   * @param typeArgument the per-CPU value type, or {@code null}
   * @param label the variable the allocation was first seen through, for messages, or empty
   * @param line the site's line, for messages when there is no label
   * @param field the field whose value this allocation is, when it is the allocation of an object
   *     or class seen through that field, or {@code null}. An instance field's allocation belongs
   *     to one object: through another receiver it is another object's ({@link
   *     CallSiteTranslation}), whereas a static field's is the class's, whatever the receiver.
   */
  record Fresh(
      Tree site,
      ExecutableElement scope,
      boolean distinct,
      TypeMirror typeArgument,
      String label,
      int line,
      VariableElement field)
      implements AllocationIdentity {

    /**
     * An allocation that no field owns (yet): one evaluation's, or one the binder has not named.
     */
    public Fresh(
        Tree site,
        ExecutableElement scope,
        boolean distinct,
        TypeMirror typeArgument,
        String label,
        int line) {
      this(site, scope, distinct, typeArgument, label, line, null);
    }

    /**
     * Whether each evaluation of the scope's body makes a new allocation here, so that one call of
     * a method never sees another call's: such an allocation means nothing at a call site.
     */
    public boolean perEvaluation() {
      return scope != null;
    }

    /**
     * Whether this is the allocation of one object, reached through one of its instance fields:
     * each object of the class has its own.
     */
    public boolean ofInstance() {
      return field != null && !field.getModifiers().contains(Modifier.STATIC);
    }

    @Override
    public boolean isPromisedDistinct() {
      return distinct;
    }

    @Override
    public String describe() {
      return label.isEmpty() ? "the allocation made at line " + line : "`" + label + "`";
    }

    /** The same site named through {@code variable} in messages, unless it is named already. */
    public Fresh labelled(String variable) {
      return label.isEmpty()
          ? new Fresh(site, scope, distinct, typeArgument, variable, line, field)
          : this;
    }

    /** The same site as the allocation of an object or class rather than of one evaluation. */
    public Fresh perObject() {
      return scope == null
          ? this
          : new Fresh(site, null, distinct, typeArgument, label, line, field);
    }

    /**
     * The same allocation as the value of {@code owner}, unless a field owns it already: a field
     * initialised from another field's value ({@code b = a}, {@code b = SHARED}) holds that field's
     * allocation, which belongs to whatever that field belongs to.
     */
    public Fresh ownedBy(VariableElement owner) {
      return field != null
          ? this
          : new Fresh(site, scope, distinct, typeArgument, label, line, owner);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fresh f && f.site == site;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(site);
    }
  }

  /** The static per-CPU variable defined under a constant symbol string. */
  record Symbolic(String name, TypeMirror typeArgument) implements AllocationIdentity {

    @Override
    public String describe() {
      return "symbol \"" + name + "\"";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Symbolic s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /**
   * Whatever a final field of the current object, a static final field, an effectively final local
   * or a parameter holds when its initialiser does not say more: the same variable always reaches
   * the same allocation, but two variables may alias. Another object's field is {@link Unknown}.
   *
   * @param variable the field, local or parameter; equality is by this element
   * @param typeArgument the per-CPU value type, or {@code null}
   * @param distinct whether the declaration is {@code @Distinct}
   */
  record Variable(VariableElement variable, TypeMirror typeArgument, boolean distinct)
      implements AllocationIdentity {

    @Override
    public boolean isPromisedDistinct() {
      return distinct;
    }

    /** Whether this is a parameter of {@code method} itself (not of a lambda inside it). */
    public boolean isParameterOf(ExecutableElement method) {
      return method != null
          && variable.getKind() == ElementKind.PARAMETER
          && method.getParameters().contains(variable);
    }

    /** Whether this is a field (static or of the current object). */
    public boolean isField() {
      return variable.getKind() == ElementKind.FIELD;
    }

    @Override
    public String describe() {
      String kind =
          switch (variable.getKind()) {
            case FIELD -> "field";
            case PARAMETER -> "parameter";
            default -> "variable";
          };
      return kind + " `" + variable.getSimpleName() + "`";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Variable v && v.variable.equals(variable);
    }

    @Override
    public int hashCode() {
      return variable.hashCode();
    }
  }

  /**
   * What an instance field of the object held by a stable variable reaches ({@code m.own}, {@code
   * other.counts}): the allocation {@code onObject} that the same field reaches on the current
   * object, but of the object {@code holder} holds. Two reads through one holder are the same
   * object's, so {@code m.own} and {@code m.ownClone} stay definitely one allocation; through
   * another holder, or on the current object, the object may or may not be the same one ({@link
   * Verdict#of}). Built by {@link CallSiteTranslation#fieldOfVariable}.
   *
   * @param holder the parameter, effectively final local or final field holding the object; part of
   *     equality
   * @param field the field read, for messages only
   * @param onObject what the field reaches on its own object: an allocation its initialiser makes
   *     ({@link Fresh#ofInstance()}) or the field itself ({@link Variable}); part of equality
   */
  record OfHeldObject(VariableElement holder, VariableElement field, AllocationIdentity onObject)
      implements AllocationIdentity {

    @Override
    public TypeMirror typeArgument() {
      return onObject.typeArgument();
    }

    @Override
    public boolean isStable() {
      return onObject.isStable();
    }

    @Override
    public boolean isPromisedDistinct() {
      return onObject.isPromisedDistinct();
    }

    @Override
    public String describe() {
      // The words of another object's unknown field, which this only knows more precisely about.
      return "field `" + field.getSimpleName() + "` of another object";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OfHeldObject h && h.holder.equals(holder) && h.onObject.equals(onObject);
    }

    @Override
    public int hashCode() {
      return 31 * holder.hashCode() + onObject.hashCode();
    }
  }

  /**
   * A method result, a collection element, a non-final field, another object's field: only the type
   * argument is known. Two unknown values are never definitely one allocation; equal ones (same
   * label and type argument) are merely the same words in a set.
   *
   * @param typeArgument the per-CPU value type, or {@code null}
   * @param label how a finding names it: {@code non-final field `current`}
   */
  record Unknown(TypeMirror typeArgument, String label) implements AllocationIdentity {

    @Override
    public boolean isStable() {
      return false;
    }

    @Override
    public String describe() {
      return label;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u
          && u.label.equals(label)
          && String.valueOf(u.typeArgument).equals(String.valueOf(typeArgument));
    }

    @Override
    public int hashCode() {
      return label.hashCode();
    }
  }
}
