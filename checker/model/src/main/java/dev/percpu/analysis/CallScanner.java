package dev.percpu.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreeScanner;

/**
 * A scan that sees every tree that names a method to run: a method invocation, an instance creation
 * (its constructor) and a method reference, each before its subtrees. The three are the only ways a
 * body reaches another method's effect, so a question about "what does this code call" (does it
 * touch the per-CPU API, which other units does it depend on) asks each of them the same thing;
 * subclasses add the other trees they care about.
 *
 * <pre>{@code
 * new CallScanner() {
 *   @Override
 *   protected void call(ExpressionTree call) {
 *     callees.add(calleeOf(call));
 *   }
 * }.scan(body, null);
 * }</pre>
 */
public abstract class CallScanner extends TreeScanner<Void, Void> {
  /** Sees one call-like tree, before the scan descends into it. */
  protected abstract void call(ExpressionTree call);

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    call(node);
    return super.visitMethodInvocation(node, null);
  }

  @Override
  public Void visitNewClass(NewClassTree node, Void unused) {
    call(node);
    return super.visitNewClass(node, null);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    call(node);
    return super.visitMemberReference(node, null);
  }
}
