package dev.percpu.analysis;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * Test support: a call whose arguments and receiver are already bound, as a checker's binder would
 * bind them.
 */
record FakeCallSite(
    ExecutableElement callee,
    List<IdentitySet> arguments,
    IdentitySet receiverIds,
    boolean onCurrentObject,
    boolean onNewObject,
    Tree tree,
    ExecutableElement caller,
    int line)
    implements CallSite {

  @Override
  public Optional<IdentitySet> argument(int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
  }

  @Override
  public Optional<IdentitySet> receiver() {
    return Optional.ofNullable(receiverIds);
  }
}
