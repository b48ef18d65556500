package dev.percpu.analysis;

import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Variable;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Binds a declared {@link EffectTerm} of a method to the allocations it names at one {@link
 * CallSite}, in the caller's terms: {@code this} is the receiver, {@code #k} the k-th argument, a
 * field the receiver's field (another object's field is unknown), {@code symbol:NAME} the static
 * variable of that name. Error Prone's {@code GuardedByBinder} plays this part for lock
 * expressions.
 *
 * <pre>{@code
 * for (EffectTerm term : api.declaredEffect(callee).orElse(List.of())) {
 *   IdentitySet entered = EffectTermBinder.bind(term, site);
 * }
 * }</pre>
 */
public final class EffectTermBinder {

  private EffectTermBinder() {}

  /** The allocations {@code term} names at {@code site}; empty when it names none there. */
  public static IdentitySet bind(EffectTerm term, CallSite site) {
    if (term instanceof EffectTerm.This) {
      return site.receiver().orElse(IdentitySet.empty());
    }
    if (term instanceof EffectTerm.Parameter p) {
      return site.argument(p.index() - 1).orElse(IdentitySet.empty());
    }
    if (term instanceof EffectTerm.Symbol s) {
      return IdentitySet.of(new Symbolic(s.name(), null));
    }
    if (term instanceof EffectTerm.Field f) {
      VariableElement field = field(site.callee().getEnclosingElement(), f.name());
      if (field == null) {
        return IdentitySet.empty();
      }
      Variable v =
          new Variable(field, TypeArguments.of(field.asType()), PerCpuApi.isDistinct(field));
      boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
      return isStatic || site.onCurrentObject()
          ? IdentitySet.of(v)
          : IdentitySet.of(CallSiteTranslation.anotherObjectsField(v));
    }
    return IdentitySet.empty();
  }

  /** The field of {@code owner} a term names by its simple name (the last part of a dotted one). */
  private static VariableElement field(Element owner, String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    for (Element member : owner.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(simple)) {
        return (VariableElement) member;
      }
    }
    return null;
  }
}
