package dev.percpu.analysis;

import com.sun.source.tree.Tree;
import dev.percpu.analysis.AllocationIdentity.Fresh;
import dev.percpu.analysis.AllocationIdentity.OfHeldObject;
import dev.percpu.analysis.AllocationIdentity.Unknown;
import dev.percpu.analysis.AllocationIdentity.Variable;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Translates identities in a callee's own terms (its parameters, its fields, its own allocations)
 * into a caller's at one {@link CallSite}: the one callee-to-caller translation, used for what a
 * callee enters ({@link EffectSummary#instantiate}) and for what it returns.
 *
 * <ul>
 *   <li>a parameter of the callee is what the actual argument reaches;
 *   <li>a field of the callee's object is the caller's same field when the call is on the current
 *       object, and otherwise the same field read through the receiver ({@link CallSite#field}: by
 *       default another object's field, unknown; a checker may know the receiver's object better,
 *       {@link OfHeldObject}); a static field is itself;
 *   <li>the allocation an instance field of the callee's object was initialised with is the same
 *       allocation when the call is on the current object, and a static field's whatever the
 *       receiver; on an object the call makes ({@code new C().m()}, a constructor) it is new, as an
 *       allocation of one evaluation is; on any other receiver it is that field read through the
 *       receiver ({@link CallSite#field}), since that object may or may not be the current one;
 *   <li>a field read through a stable variable of the callee ({@link OfHeldObject}) is the same
 *       read when the variable is a field and the call is on the current object, a read through the
 *       variable passed when it is a parameter, and another object's field otherwise;
 *   <li>an allocation made by one evaluation of a body is new at every call: what the callee enters
 *       of it cannot be anything the caller entered before (dropped), and what it returns is a
 *       fresh allocation of the call site;
 *   <li>a local of the callee that stands for arguments ({@link CallSite#local}: an element of its
 *       varargs parameter) is what those arguments reach;
 *   <li>any other variable of the callee is unknown to the caller; symbols and unknowns stay.
 * </ul>
 *
 * <pre>{@code
 * IdentitySet inCaller = CallSiteTranslation.entered(effect.identities(), site);
 * }</pre>
 */
public final class CallSiteTranslation {

  private CallSiteTranslation() {}

  /** What the callee enters, in the caller's terms. */
  public static IdentitySet entered(IdentitySet inCallee, CallSite site) {
    return inCallee.flatMap(a -> translate(a, site, false));
  }

  /** What the callee returns, in the caller's terms. */
  public static IdentitySet returned(IdentitySet inCallee, CallSite site) {
    return inCallee.flatMap(a -> translate(a, site, true));
  }

  private static IdentitySet translate(AllocationIdentity a, CallSite site, boolean returned) {
    ExecutableElement callee = site.callee();
    if (a instanceof Fresh f && (f.perEvaluation() || f.ofInstance() && site.onNewObject())) {
      return returned ? IdentitySet.of(newAtCall(f, site)) : IdentitySet.empty();
    }
    if (a instanceof Fresh f && f.ofInstance() && !site.onCurrentObject()) {
      return site.field(f.field()); // another object's field, as the caller reads it
    }
    if (a instanceof OfHeldObject h) {
      return IdentitySet.of(heldObjectAtCall(h, site));
    }
    if (a instanceof Variable v) {
      int index = callee.getParameters().indexOf(v.variable());
      if (index >= 0) {
        return site.argument(index)
            .orElseGet(
                () ->
                    IdentitySet.of(
                        new Unknown(
                            v.typeArgument(), "an argument of " + FindingText.call(callee))));
      }
      if (v.isField()) {
        boolean isStatic = v.variable().getModifiers().contains(Modifier.STATIC);
        return isStatic || site.onCurrentObject() ? IdentitySet.of(a) : site.field(v.variable());
      }
      return site.local(v.variable())
          .orElseGet(
              () ->
                  IdentitySet.of(
                      new Unknown(
                          v.typeArgument(), "a handle inside " + FindingText.call(callee))));
    }
    return IdentitySet.of(a);
  }

  /**
   * What a field read through an object made right there ({@code new C().counts}) reaches, given
   * what the same field reaches on the current object: an allocation its initialiser makes is new
   * with each evaluation of {@code made}, as an {@code allocate} there would be; a static field's
   * stays; whatever else the field holds (a constructor's argument) may be any handle.
   *
   * @param made the {@code new C(..)} expression
   * @param scope the method whose body contains it, or {@code null} in a field initialiser
   * @param line its line, for messages
   */
  public static IdentitySet fieldOfNewObject(
      IdentitySet onCurrentObject, Tree made, ExecutableElement scope, int line) {
    return onCurrentObject.flatMap(
        a -> {
          if (a instanceof Fresh f && f.ofInstance()) {
            return IdentitySet.of(new Fresh(made, scope, f.distinct(), f.typeArgument(), "", line));
          }
          if (a instanceof Variable v
              && !(v.isField() && v.variable().getModifiers().contains(Modifier.STATIC))) {
            return IdentitySet.of(anotherObjectsField(v));
          }
          return IdentitySet.of(a);
        });
  }

  /**
   * What a field read through a stable variable ({@code other.counts}, {@code m.own}) reaches,
   * given what the same field reaches on the current object: an allocation an instance field's
   * initialiser makes, or an instance field itself, is that of the object {@code holder} holds
   * ({@link OfHeldObject}); a static field's, or a symbol, stays.
   *
   * @param holder the parameter, effectively final local or final field the object is read through
   * @param field the field read
   */
  public static IdentitySet fieldOfVariable(
      IdentitySet onCurrentObject, VariableElement holder, VariableElement field) {
    return onCurrentObject.flatMap(
        a -> {
          if (a instanceof Fresh f && f.ofInstance()
              || a instanceof Variable v && !isStaticField(v)) {
            return IdentitySet.of(new OfHeldObject(holder, field, a));
          }
          return IdentitySet.of(a);
        });
  }

  /**
   * A callee's read through its own holder, at the call: through a field of the callee's object,
   * the same read when that object is the current one; through a parameter, a read through the
   * variable passed; anything else may be any object's.
   */
  private static AllocationIdentity heldObjectAtCall(OfHeldObject h, CallSite site) {
    VariableElement holder = h.holder();
    if (holder.getKind() == ElementKind.FIELD
        && (holder.getModifiers().contains(Modifier.STATIC) || site.onCurrentObject())) {
      return h;
    }
    int index = site.callee().getParameters().indexOf(holder);
    if (index >= 0) {
      var passed = site.argument(index).flatMap(IdentitySet::definiteMember);
      if (passed.isPresent() && passed.get() instanceof Variable v) {
        return new OfHeldObject(v.variable(), h.field(), h.onObject());
      }
    }
    return anotherObjectsField(h.field().getSimpleName(), h.typeArgument());
  }

  private static boolean isStaticField(Variable v) {
    return v.isField() && v.variable().getModifiers().contains(Modifier.STATIC);
  }

  /** The same field of an object that need not be the current one. */
  public static Unknown anotherObjectsField(Variable field) {
    return anotherObjectsField(field.variable().getSimpleName(), field.typeArgument());
  }

  private static Unknown anotherObjectsField(Name field, TypeMirror typeArgument) {
    return new Unknown(typeArgument, "field `" + field + "` of another object");
  }

  /** A new allocation of each evaluation of the call, as one evaluation of the callee's was. */
  private static Fresh newAtCall(Fresh inCallee, CallSite site) {
    return new Fresh(
        site.tree(), site.caller(), inCallee.distinct(), inCallee.typeArgument(), "", site.line());
  }
}
