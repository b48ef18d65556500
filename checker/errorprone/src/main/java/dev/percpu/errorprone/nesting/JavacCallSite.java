package dev.percpu.errorprone.nesting;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type.ArrayType;
import dev.percpu.analysis.CallSite;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.Receivers;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * A call, method reference or constructor call of this unit as the shared model sees it, its
 * arguments and receiver bound by this unit's {@link IdentityBinder} when the model asks.
 *
 * @param callee the called method (the target of a method reference)
 * @param arguments the actual arguments (none for a method reference)
 * @param receiverTree the explicit receiver or method reference qualifier, or {@code null}
 * @param tree the call itself
 * @param caller the method whose body contains the call, or {@code null} in a field initialiser
 * @param line the call's line
 * @param binder binds the arguments and the receiver
 */
record JavacCallSite(
    MethodSymbol callee,
    List<? extends ExpressionTree> arguments,
    ExpressionTree receiverTree,
    Tree tree,
    MethodSymbol caller,
    int line,
    IdentityBinder binder)
    implements CallSite {

  @Override
  public Optional<IdentitySet> argument(int index) {
    return index < arguments.size()
        ? Optional.of(binder.bind(arguments.get(index), caller))
        : Optional.empty();
  }

  /**
   * An element of a for-each loop over the callee's varargs parameter is one of the varargs
   * arguments; when the call passes an array instead, nothing is known of its elements.
   */
  @Override
  public Optional<IdentitySet> local(VariableElement local) {
    if (!(local instanceof VarSymbol v) || binder.varargsOf(v, callee) == null) {
      return Optional.empty();
    }
    int first = callee.getParameters().size() - 1;
    if (arguments.size() == first + 1
        && ASTHelpers.getType(arguments.get(first)) instanceof ArrayType) {
      return Optional.empty();
    }
    IdentitySet all = IdentitySet.empty();
    for (int i = first; i < arguments.size(); i++) {
      all = all.union(binder.bind(arguments.get(i), caller));
    }
    return Optional.of(all);
  }

  @Override
  public Optional<IdentitySet> receiver() {
    return receiverTree == null ? Optional.empty() : Optional.of(binder.bind(receiverTree, caller));
  }

  /** A constructor call runs on the object it makes, not on the caller's, receiver or none. */
  @Override
  public boolean onCurrentObject() {
    return !(tree instanceof NewClassTree)
        && (receiverTree == null || Receivers.isCurrentObject(receiverTree));
  }

  /**
   * A field term binds as the same read would ({@code w.update()} and {@code w.values} agree): a
   * static field as its reads do, and on a receiver held by a stable variable, that object's field.
   */
  @Override
  public IdentitySet field(VariableElement field) {
    if (field.getModifiers().contains(Modifier.STATIC) && field instanceof VarSymbol v) {
      return binder.staticField(v);
    }
    if (receiverTree != null
        && !onCurrentObject()
        && !field.getModifiers().contains(Modifier.STATIC)
        && field instanceof VarSymbol v) {
      IdentitySet held = binder.throughHolder(receiverTree, v);
      if (held != null) {
        return held;
      }
    }
    return CallSite.super.field(field);
  }

  @Override
  public boolean onNewObject() {
    return tree instanceof NewClassTree
        || (receiverTree != null && Receivers.isNewObject(receiverTree));
  }
}
