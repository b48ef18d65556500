package dev.percpu.analysis;

import com.sun.source.tree.Tree;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * One call as the model needs to see it to translate a callee's terms into the caller's: the part
 * of a {@code ProgramView} that each checker implements over its own framework (Error Prone's
 * binder, the Checker Framework's flow-refined qualifiers). Arguments are bound on demand.
 *
 * <pre>{@code
 * record MyCallSite(ExecutableElement callee, List<ExpressionTree> args, ...) implements CallSite {
 *   public Optional<IdentitySet> argument(int i) {
 *     return i < args.size() ? Optional.of(binder.bind(args.get(i))) : Optional.empty();
 *   }
 *   public boolean onCurrentObject() {
 *     return receiver == null || Receivers.isCurrentObject(receiver);
 *   }
 *   ...
 * }
 * IdentitySet entered = EffectTermBinder.bind(term, new MyCallSite(callee, args, ...));
 * }</pre>
 */
public interface CallSite {

  /** The called method or constructor (or the target of a method reference). */
  ExecutableElement callee();

  /**
   * The caller's identities of the actual argument for parameter {@code index} (0-based), or empty
   * when the call has no such argument (a method reference, whose functional interface supplies it;
   * a varargs call).
   */
  Optional<IdentitySet> argument(int index);

  /**
   * The caller's identities of the explicit receiver (a handle, a token, or a wrapper object held
   * in a stable variable), or empty for an unqualified call.
   */
  Optional<IdentitySet> receiver();

  /**
   * Whether the callee runs on the caller's current object: no receiver, or {@code this}, {@code
   * super}, {@code Outer.this} ({@link Receivers#isCurrentObject}). A field in the callee's terms
   * is the caller's same field only then.
   */
  boolean onCurrentObject();

  /**
   * Whether the callee runs on an object the call itself makes: a constructor call {@code new
   * C(..)}, or a method called on one, {@code new C().m()} ({@link Receivers#isNewObject}). What
   * that object's fields were initialised to allocate is newer than anything the caller entered.
   * Never true together with {@link #onCurrentObject()}; the default, false, treats such an object
   * as any other object, which is never less sound.
   */
  default boolean onNewObject() {
    return false;
  }

  /**
   * The caller's identities of the callee's {@code field} (of its class or a superclass, or a
   * static field) as reached through this call, for a field term of an {@code @Enters} and for a
   * callee's field (or its allocation) that {@link CallSiteTranslation} maps through another
   * receiver. By default the model's rule: a static field, or one on the current object, is the
   * field itself; an instance field through another receiver is another object's field (unknown). A
   * checker that knows the receiver's object better (by its initialiser, or as the object a stable
   * variable holds: {@link CallSiteTranslation#fieldOfVariable}) binds the field as it binds the
   * same read, so that {@code w.update()} and {@code w.values} agree.
   */
  default IdentitySet field(VariableElement field) {
    Variable v = EffectTermBinder.variable(field);
    return field.getModifiers().contains(Modifier.STATIC) || onCurrentObject()
        ? IdentitySet.of(v)
        : IdentitySet.of(CallSiteTranslation.anotherObjectsField(v));
  }

  /**
   * The caller's identities of a local variable of the callee that stands for some of the call's
   * arguments (the element of a for-each loop over the callee's varargs parameter is one of the
   * varargs arguments), or empty: by default every other local of the callee is unknown to the
   * caller.
   */
  default Optional<IdentitySet> local(VariableElement local) {
    return Optional.empty();
  }

  /** The call (or method reference, or constructor call) itself. */
  Tree tree();

  /**
   * The method or constructor whose body contains the call, or {@code null} in a field initialiser:
   * the scope of an allocation the call returns new.
   */
  ExecutableElement caller();

  /** The call's line, for messages. */
  int line();
}
