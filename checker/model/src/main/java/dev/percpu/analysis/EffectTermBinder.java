package dev.percpu.analysis;

import dev.percpu.analysis.AllocationIdentity.Symbolic;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Binds a declared {@link EffectTerm} of a method to the allocations it names at one {@link
 * CallSite}, in the caller's terms: {@code this} is the receiver, {@code #k} the k-th argument, a
 * field the receiver's field (another object's field is unknown), {@code symbol:NAME} the static
 * variable of that name. Error Prone's {@code GuardedByBinder} plays this part for lock
 * expressions.
 *
 * <p>A field term is looked up as javac would resolve the name in the callee's class: {@code
 * counts} in that class and its superclasses, {@code Owner.COUNTS} in the class named {@code Owner}
 * among the callee's class, the classes enclosing it and their superclasses (or, given {@link
 * Elements}, any class of that qualified name), then in that class's superclasses.
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
    return bind(term, site, null);
  }

  /**
   * As {@link #bind(EffectTerm, CallSite)}, resolving a qualified field term's owner by its
   * qualified name through {@code elements} when no enclosing class has that name.
   */
  public static IdentitySet bind(EffectTerm term, CallSite site, Elements elements) {
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
      Optional<VariableElement> field = field(f, site.callee(), elements);
      if (field.isEmpty()) {
        return IdentitySet.empty();
      }
      return site.field(field.get());
    }
    return IdentitySet.empty();
  }

  /** The model's identity of a field read on the current object, before any flow refinement. */
  public static Variable variable(VariableElement field) {
    return new Variable(field, TypeArguments.of(field.asType()), PerCpuApi.isDistinct(field));
  }

  /**
   * The field {@code term} names in the terms of {@code callee}, or empty when no such field is
   * visible there; {@code elements} may be {@code null}.
   */
  public static Optional<VariableElement> field(
      EffectTerm.Field term, ExecutableElement callee, Elements elements) {
    String name = term.name();
    int dot = name.lastIndexOf('.');
    String simple = name.substring(dot + 1);
    TypeElement start = enclosingType(callee);
    if (dot > 0) {
      start = typeNamed(name.substring(0, dot), start, elements);
    }
    for (TypeElement t = start; t != null; t = superclass(t)) {
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(simple)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** The class a qualifier names, seen from {@code from}: itself, an enclosing class, a super. */
  private static TypeElement typeNamed(String qualifier, TypeElement from, Elements elements) {
    for (TypeElement t = from; t != null; t = enclosingType(t)) {
      for (TypeElement s = t; s != null; s = superclass(s)) {
        if (s.getQualifiedName().contentEquals(qualifier)
            || s.getSimpleName().contentEquals(qualifier)) {
          return s;
        }
      }
    }
    return elements == null ? null : elements.getTypeElement(qualifier);
  }

  private static TypeElement enclosingType(Element e) {
    for (Element p = e.getEnclosingElement(); p != null; p = p.getEnclosingElement()) {
      if (p instanceof TypeElement t) {
        return t;
      }
    }
    return null;
  }

  private static TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    return s.getKind() == TypeKind.DECLARED
            && ((DeclaredType) s).asElement() instanceof TypeElement e
        ? e
        : null;
  }
}
