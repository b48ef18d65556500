package dev.percpu.checker;

import dev.percpu.analysis.AllocationIdentity;
import javax.lang.model.type.TypeMirror;

/**
 * One allocation in a method's computed effect, in the method's own terms so that it can be
 * instantiated at each call site: a parameter of the method, or an identity that means the same
 * everywhere (a symbol, a fresh site, a final field, or "unknown of this type argument").
 */
sealed interface EffectAtom {

  /** An identity independent of the call site. */
  record Absolute(AllocationIdentity id) implements EffectAtom {}

  /** Whatever the handle passed as parameter {@code index} (0-based) reaches. */
  record Param(int index, TypeMirror typeArg, String description) implements EffectAtom {}
}
