package dev.percpu.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;

/**
 * Which receiver expressions denote the current object. A field named in a summary ({@code this.h}
 * in the callee) is the caller's same field only when the call's receiver is the current object;
 * through any other receiver it is the field of another object, an unknown allocation.
 *
 * <p>{@code super} and {@code Outer.this} count: {@code super.m()} runs on this object, and {@code
 * Outer.this.m()} runs on the enclosing instance whose fields the inner class's code also reaches
 * as {@code Outer.this.f}. Keeping this one answer here is what stops the binder and the summary
 * instantiation from disagreeing about {@code super}.
 *
 * <pre>{@code
 * if (!isStatic && receiver != null && !Receivers.isCurrentObject(receiver)) {
 *   return unknown("field of another object");
 * }
 * }</pre>
 */
public final class Receivers {

  private Receivers() {}

  /** {@code this}, {@code super}, {@code Outer.this} or {@code Outer.super}, in any parentheses. */
  public static boolean isCurrentObject(ExpressionTree receiver) {
    Tree r = ClosureLiteral.withoutParentheses(receiver);
    if (r instanceof MemberSelectTree qualified) {
      return qualified.getIdentifier().contentEquals("this")
          || qualified.getIdentifier().contentEquals("super");
    }
    return r instanceof IdentifierTree id
        && (id.getName().contentEquals("this") || id.getName().contentEquals("super"));
  }

  /**
   * {@code new C(..)}, in any parentheses: an object no other expression reaches yet, whose
   * instance fields' own allocations are new.
   */
  public static boolean isNewObject(ExpressionTree receiver) {
    return ClosureLiteral.withoutParentheses(receiver) instanceof NewClassTree;
  }
}
