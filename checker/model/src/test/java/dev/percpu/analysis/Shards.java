package dev.percpu.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.percpu.analysis.AllocationIdentity.Variable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Test support: one compiled class with fields, a callee and a caller, whose elements the
 * translation and binder tests name identities by. {@code List<long[]>} stands in for a handle
 * type: only its type argument matters.
 */
final class Shards {
  static final String SOURCE =
      """
      package test;
      import java.util.List;
      class Shards {
        final List<long[]> counts = null;
        static final List<long[]> TOTAL = null;
        @dev.percpu.qual.Distinct final List<long[]> scratch = null;
        void update(List<long[]> target, List<int[]> other) { }
        void caller(List<long[]> mine) { update(null, null); }
      }
      """;

  static final Elements E = Elements.compile("test.Shards", SOURCE);
  static final TypeElement TYPE = E.type("test.Shards");
  static final ExecutableElement UPDATE = E.method("test.Shards", "update");
  static final ExecutableElement CALLER = E.method("test.Shards", "caller");
  static final Tree CALL = firstCall();

  /** A tree that stands for another allocation site than {@link #CALL}: a field's initialiser. */
  static final Tree INITIALISER = initialiserOf("counts");

  /** And a third one: the static field's initialiser. */
  static final Tree STATIC_INITIALISER = initialiserOf("TOTAL");

  static final TypeMirror LONGS = TypeArguments.of(field("counts").asType());

  static final Variable COUNTS = variable(field("counts"));
  static final Variable TOTAL = variable(field("TOTAL"));
  static final Variable SCRATCH = variable(field("scratch"));
  static final Variable TARGET = variable(UPDATE.getParameters().get(0));
  static final Variable OTHER = variable(UPDATE.getParameters().get(1));
  static final Variable MINE = variable(CALLER.getParameters().get(0));

  private Shards() {}

  static VariableElement field(String name) {
    for (VariableElement v : ElementFilter.fieldsIn(TYPE.getEnclosedElements())) {
      if (v.getSimpleName().contentEquals(name)) {
        return v;
      }
    }
    throw new AssertionError("no field " + name);
  }

  static Variable variable(VariableElement v) {
    return new Variable(v, TypeArguments.of(v.asType()), PerCpuApi.isDistinct(v));
  }

  /** A call of {@code update} from {@code caller} with these bound arguments. */
  static FakeCallSite callOfUpdate(
      List<IdentitySet> arguments, IdentitySet receiver, boolean onCurrentObject) {
    return new FakeCallSite(UPDATE, arguments, receiver, onCurrentObject, false, CALL, CALLER, 8);
  }

  /**
   * A call of {@code update} from {@code caller} on an object the call makes: {@code new X().m()}.
   */
  static FakeCallSite callOfUpdateOnANewObject(List<IdentitySet> arguments) {
    return new FakeCallSite(UPDATE, arguments, null, false, true, CALL, CALLER, 8);
  }

  private static Tree initialiserOf(String field) {
    List<Tree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getName().contentEquals(field)) {
          found.add(node.getInitializer());
        }
        return super.visitVariable(node, unused);
      }
    }.scan(E.unit("test.Shards"), null);
    return found.get(0);
  }

  private static Tree firstCall() {
    List<Tree> calls = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        calls.add(node);
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(E.unit("test.Shards"), null);
    return calls.get(0);
  }
}
