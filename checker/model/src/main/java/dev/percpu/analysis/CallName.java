package dev.percpu.analysis;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * How findings name a called method or constructor, so that both checkers' messages read the same:
 * {@code update()} for a method, {@code new Shards()} for a constructor.
 *
 * <pre>{@code
 * String path = "via " + CallName.of(callee); // "via new Shards()"
 * }</pre>
 */
public final class CallName {

  private CallName() {}

  /** {@code name()} for a method, {@code new Owner()} for a constructor (no arguments shown). */
  public static String of(ExecutableElement callee) {
    return callee.getKind() == ElementKind.CONSTRUCTOR
        ? "new " + callee.getEnclosingElement().getSimpleName() + "()"
        : callee.getSimpleName() + "()";
  }
}
