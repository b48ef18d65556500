package dev.percpu.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import dev.percpu.analysis.AllocationIdentity;
import dev.percpu.analysis.CallSite;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.Receivers;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * A call as the model's {@link dev.percpu.analysis.CallSiteTranslation} sees it, over the checker's
 * trees and flow-refined qualifiers: arguments and the receiver are bound on demand through the
 * factory's identities.
 *
 * <pre>{@code
 * CallSite site =
 *     new TreeCallSite(callee, call, args, receiver, caller, line, ids::of, factory::fieldThrough);
 * IdentitySet entered = CallSiteTranslation.entered(inCallee, site);
 * }</pre>
 *
 * @param callee the called method, constructor or method reference target
 * @param tree the call
 * @param args the actual arguments, or {@code null} for a method reference
 * @param receiverTree the explicit receiver, or {@code null}
 * @param caller the method whose body contains the call, or {@code null}
 * @param line the call's line
 * @param identities how an expression is bound to its identity
 * @param fields what a field reaches read through an object: the current one ({@code null}), the
 *     one a constructor call makes (the call), or a receiver expression
 */
record TreeCallSite(
    ExecutableElement callee,
    Tree tree,
    List<? extends ExpressionTree> args,
    ExpressionTree receiverTree,
    ExecutableElement caller,
    int line,
    Function<ExpressionTree, AllocationIdentity> identities,
    BiFunction<Tree, VariableElement, IdentitySet> fields)
    implements CallSite {

  @Override
  public Optional<IdentitySet> argument(int index) {
    if (args == null || index < 0 || index >= args.size()) {
      return Optional.empty();
    }
    return Optional.of(IdentitySet.of(identities.apply(args.get(index))));
  }

  @Override
  public Optional<IdentitySet> receiver() {
    // Any explicit receiver, a wrapper object included: "this" in an @Enters names it.
    if (receiverTree == null) {
      return Optional.empty();
    }
    return Optional.of(IdentitySet.of(identities.apply(receiverTree)));
  }

  /**
   * A term binds as the same read would in the caller ({@code w.update()} and {@code w.values}
   * agree): through the current object, the object a constructor makes, or the receiver.
   */
  @Override
  public IdentitySet field(VariableElement field) {
    Tree object = tree instanceof NewClassTree ? tree : onCurrentObject() ? null : receiverTree;
    return fields.apply(object, field);
  }

  /** A constructor call runs on the object it makes, not on the caller's, receiver or none. */
  @Override
  public boolean onCurrentObject() {
    return !(tree instanceof NewClassTree)
        && (receiverTree == null || Receivers.isCurrentObject(receiverTree));
  }

  @Override
  public boolean onNewObject() {
    return tree instanceof NewClassTree
        || (receiverTree != null && Receivers.isNewObject(receiverTree));
  }
}
