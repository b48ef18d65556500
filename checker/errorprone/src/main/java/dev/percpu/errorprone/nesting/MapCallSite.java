package dev.percpu.errorprone.nesting;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.CallSite;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.Receivers;
import java.util.List;
import java.util.Optional;

/**
 * A call, method reference or constructor call as the model's {@link
 * dev.percpu.analysis.CallSiteTranslation} sees it, its map arguments bound by {@link
 * MapReceiverBinder}: the map check's counterpart of {@link JavacCallSite}.
 *
 * @param callee the called method (the target of a method reference)
 * @param arguments the actual arguments (none for a method reference)
 * @param receiverTree the explicit receiver or method reference qualifier, or {@code null}
 * @param tree the call itself
 * @param caller the method whose body contains the call, or {@code null} in a field initialiser
 * @param line the call's line
 * @param binder binds the arguments and the receiver
 */
record MapCallSite(
    MethodSymbol callee,
    List<? extends ExpressionTree> arguments,
    ExpressionTree receiverTree,
    Tree tree,
    MethodSymbol caller,
    int line,
    MapReceiverBinder binder)
    implements CallSite {

  /** The bound argument for parameter {@code index}, with its kind, or empty. */
  Optional<BoundMap> boundArgument(int index) {
    return index < arguments.size()
        ? Optional.of(binder.bind(arguments.get(index), caller))
        : Optional.empty();
  }

  @Override
  public Optional<IdentitySet> argument(int index) {
    return boundArgument(index).map(BoundMap::maps);
  }

  @Override
  public Optional<IdentitySet> receiver() {
    return receiverTree == null
        ? Optional.empty()
        : Optional.of(binder.bind(receiverTree, caller).maps());
  }

  @Override
  public boolean onCurrentObject() {
    return receiverTree == null || Receivers.isCurrentObject(receiverTree);
  }
}
