package dev.percpu.analysis;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;

/**
 * The effects of methods compiled elsewhere that declare no {@code @Enters}. Both checkers take the
 * same answer from here, so that a JDK call is silent in one exactly when it is in the other.
 *
 * <p>Methods of the Java platform cannot enter an allocation themselves: they do not know the
 * runtime. The runtime's own undescribed methods ({@code CpuGuard.pin}, {@code
 * PerCpu.sameAllocation}) are its plumbing, not entering methods. Closures passed to either are
 * still followed ({@link ClosureUse}); this answers only whether the method body itself enters. Any
 * other method compiled elsewhere may enter a handle or token passed to it, which is never more
 * than a <em>possible</em> nesting.
 *
 * <pre>{@code
 * if (!DefaultEffects.entersNothing(callee)) {
 *   // handles and tokens among the arguments may be entered
 * }
 * }</pre>
 */
public final class DefaultEffects {

  private DefaultEffects() {}

  /** Whether {@code callee}, compiled elsewhere and undescribed, enters nothing by construction. */
  public static boolean entersNothing(ExecutableElement callee) {
    Element e = callee;
    while (e != null && !(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e != null && isPlatformOrRuntime(((PackageElement) e).getQualifiedName().toString());
  }

  static boolean isPlatformOrRuntime(String pkg) {
    return pkg.equals("dev.percpu")
        || pkg.startsWith("java.")
        || pkg.startsWith("javax.")
        || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.")
        || pkg.startsWith("com.sun.");
  }
}
