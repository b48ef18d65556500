package dev.percpu.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The cheap exit both checkers take before any analysis: whether a compilation unit can concern
 * per-CPU allocations at all. It does when
 *
 * <ul>
 *   <li>its package or an import starts with {@code dev.percpu}, or it names {@code dev.percpu} in
 *       a qualified name;
 *   <li>a call, method reference or constructor call in it reaches a method that is declared in
 *       {@code dev.percpu} (or a subpackage), carries a {@code dev.percpu.qual} annotation (a role
 *       or an effect), has a configured role, or takes or returns a handle or token.
 * </ul>
 *
 * <p>Code that never uses the API costs one walk that stops at the first hit. That walk visits
 * every call of every unit, so the per-call test builds no strings: packages are classified once
 * each (by identity), names are compared as {@link Name}s, and configured roles are consulted only
 * when configuration exists.
 *
 * <p>Each checker supplies the callee lookup of its own framework. An instance caches per
 * compilation and is not thread-safe: use one per compilation (javac runs a compilation on one
 * thread).
 *
 * <pre>{@code
 * UnitRelevance relevance =
 *     new UnitRelevance(api, elements, tree -> TreeUtils.elementFromTree(tree) instanceof ExecutableElement m ? m : null);
 * if (!relevance.concernsPerCpu(unit)) {
 *   return; // nothing to analyse
 * }
 * }</pre>
 */
public final class UnitRelevance {

  private static final String PREFIX = "dev.percpu";
  private static final String QUAL = "dev.percpu.qual";

  /** Where a package sits relative to the API; {@link #QUAL} is also within {@link #PERCPU}. */
  private enum Origin {
    OTHER,
    PERCPU,
    QUAL
  }

  private final PerCpuApi api;
  private final Function<? super Tree, ? extends ExecutableElement> callee;
  private final Name dev;
  private final Name percpu;
  private final Map<Element, Origin> packages = new IdentityHashMap<>();

  /**
   * @param api the model, with any configured methods
   * @param elements the compilation's element utilities (for its {@link Name}s)
   * @param callee the method or constructor a call, method reference or constructor call invokes,
   *     or {@code null} where it is unknown (erroneous code); must not throw
   */
  public UnitRelevance(
      PerCpuApi api,
      Elements elements,
      Function<? super Tree, ? extends ExecutableElement> callee) {
    this.api = Objects.requireNonNull(api, "api");
    this.callee = Objects.requireNonNull(callee, "callee");
    this.dev = elements.getName("dev");
    this.percpu = elements.getName("percpu");
  }

  /** Whether {@code unit} can concern per-CPU allocations (see the class comment). */
  public boolean concernsPerCpu(CompilationUnitTree unit) {
    if (unit.getPackageName() != null && unit.getPackageName().toString().startsWith(PREFIX)) {
      return true;
    }
    for (ImportTree i : unit.getImports()) {
      if (i.getQualifiedIdentifier().toString().startsWith(PREFIX)) {
        return true;
      }
    }
    Finder finder = new Finder();
    finder.scan(unit, null);
    return finder.found;
  }

  /** Whether calling {@code method} can concern per-CPU allocations. */
  boolean touchesPerCpu(ExecutableElement method) {
    if (originOf(method) != Origin.OTHER) {
      return true;
    }
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (originOf(a.getAnnotationType().asElement()) == Origin.QUAL) {
        return true;
      }
    }
    if (api.hasConfiguredRoles() && api.roleOf(method) != MethodRole.NONE) {
      return true;
    }
    if (isHandleOrToken(method.getReturnType())) {
      return true;
    }
    for (VariableElement p : method.getParameters()) {
      if (isHandleOrToken(p.asType())) {
        return true;
      }
    }
    return false;
  }

  private boolean isHandleOrToken(TypeMirror type) {
    // The package test first: PerCpuApi.isHandleOrToken builds the type's qualified name.
    return type != null
        && type.getKind() == TypeKind.DECLARED
        && originOf(((DeclaredType) type).asElement()) != Origin.OTHER
        && PerCpuApi.isHandleOrToken(type);
  }

  private Origin originOf(Element element) {
    Element e = element;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    if (e == null) {
      return Origin.OTHER;
    }
    return packages.computeIfAbsent(e, UnitRelevance::classify);
  }

  private static Origin classify(Element packageElement) {
    String name = ((PackageElement) packageElement).getQualifiedName().toString();
    if (name.equals(QUAL) || name.startsWith(QUAL + ".")) {
      return Origin.QUAL;
    }
    return name.startsWith(PREFIX) ? Origin.PERCPU : Origin.OTHER;
  }

  private final class Finder extends CallScanner {
    private boolean found;

    @Override
    public Void scan(Tree tree, Void unused) {
      return found ? null : super.scan(tree, null);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      // A qualified name such as dev.percpu.PerCpu<T> in a field type needs no call to matter.
      if (node.getIdentifier().equals(percpu)
          && node.getExpression() instanceof IdentifierTree id
          && id.getName().equals(dev)) {
        found = true;
        return null;
      }
      return super.visitMemberSelect(node, null);
    }

    @Override
    protected void call(ExpressionTree node) {
      if (found) {
        return;
      }
      ExecutableElement m = callee.apply(node);
      if (m != null && touchesPerCpu(m)) {
        found = true;
      }
    }
  }
}
