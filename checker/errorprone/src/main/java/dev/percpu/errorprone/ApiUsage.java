package dev.percpu.errorprone;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.MethodRole;
import dev.percpu.analysis.PerCpuApi;

/**
 * The cheap exit: whether a compilation unit can concern the checks at all. Code that never
 * mentions {@code dev.percpu} (by import, package, or a call of a {@code dev.percpu} method or
 * of a method the model gives a role, such as a user's annotated wrapper) costs one lightweight
 * walk that stops at the first hit, and no analysis.
 */
final class ApiUsage {

  private static final String PREFIX = "dev.percpu";
  private static final String QUAL = "dev.percpu.qual";

  private ApiUsage() {}

  static boolean mentionsPerCpu(CompilationUnitTree unit, PerCpuApi api, boolean configured) {
    if (unit.getPackageName() != null && unit.getPackageName().toString().startsWith(PREFIX)) {
      return true;
    }
    for (ImportTree i : unit.getImports()) {
      if (i.getQualifiedIdentifier().toString().startsWith(PREFIX)) {
        return true;
      }
    }
    Finder finder = new Finder(api, configured);
    finder.scan(unit, null);
    return finder.found;
  }

  private static final class Finder extends TreeScanner<Void, Void> {
    private final PerCpuApi api;
    private final boolean configured;
    private boolean found;

    Finder(PerCpuApi api, boolean configured) {
      this.api = api;
      this.configured = configured;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return found ? null : super.scan(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      check(ASTHelpers.getSymbol(node));
      return super.visitMethodInvocation(node, null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
      check(ASTHelpers.getSymbol(node));
      return super.visitMemberReference(node, null);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      check(ASTHelpers.getSymbol(node));
      return super.visitNewClass(node, null);
    }

    private void check(Symbol s) {
      if (!(s instanceof MethodSymbol m) || found) {
        return;
      }
      Symbol.PackageSymbol p = m.packge();
      if (p != null && isPerCpuPackage(p)) {
        found = true;
        return;
      }
      // A user's wrapper annotated with dev.percpu.qual, or a configured API method. Annotations
      // are compared by their package's Name, without building strings, since most methods
      // carry some (@Override, nullness) and this runs on every call in code without the API.
      if (configured) {
        found = api.roleOf(m) != MethodRole.NONE;
        return;
      }
      for (Attribute.Compound c : m.getRawAttributes()) {
        Symbol.PackageSymbol ap = c.type == null || c.type.tsym == null ? null : c.type.tsym.packge();
        if (ap != null && ap.getQualifiedName().contentEquals(QUAL)) {
          found = api.roleOf(m) != MethodRole.NONE;
          return;
        }
      }
    }
  }

  private static boolean isPerCpuPackage(Symbol.PackageSymbol p) {
    com.sun.tools.javac.util.Name n = p.getQualifiedName();
    return n.startsWith(n.table.fromString(PREFIX));
  }
}
