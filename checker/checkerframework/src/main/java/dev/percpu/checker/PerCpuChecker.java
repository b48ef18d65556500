package dev.percpu.checker;

import com.sun.source.util.TreePath;
import dev.percpu.analysis.BlockingMethods;
import dev.percpu.analysis.PerCpuApi;
import dev.percpu.analysis.UnitRelevance;
import java.util.Arrays;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.source.SupportedOptions;
import org.checkerframework.framework.source.SuppressWarningsPrefix;

/**
 * A Checker Framework checker that proves the per-CPU non-nesting rule: inside a closure run by an
 * entering method for allocation A, nothing on the thread enters A again. Handles carry their
 * allocation identity as a type qualifier ({@code @Allocation}, {@code @UnknownAllocation}), and
 * methods carry an entering effect, computed in the compilation unit and declared with
 * {@code @Enters} across files.
 *
 * <pre>
 * javac -processor dev.percpu.checker.PerCpuChecker \
 *       -cp percpu-runtime.jar:percpu-qual.jar:checker-qual.jar \
 *       -processorpath checker.jar:percpu-checker.jar Foo.java
 * </pre>
 *
 * <p>Options: {@code -ApercpuApiMethods=OWNER#METHOD=ROLE,...} describes methods that cannot be
 * annotated (see {@code dev.percpu.analysis.ApiMethodSpec}); {@code
 * -ApercpuBlockingMethods=OWNER#METHOD,...} names library methods that may block (see {@code
 * dev.percpu.analysis.BlockingMethods}); {@code -ApercpuStrict} requires {@code @Enters} on public
 * and protected methods whose effect callers in other files see. The framework's {@code
 * -AskipUses}, {@code -AonlyUses} and {@code -Awarns} apply, and findings are suppressed with
 * {@code @SuppressWarnings("percpu")} or {@code "percpu:KEY"}.
 */
@SupportedOptions({
  PerCpuChecker.API_METHODS_OPTION,
  PerCpuChecker.STRICT_OPTION,
  PerCpuChecker.BLOCKING_METHODS_OPTION
})
// The Error Prone check names suppress the same findings here: one vocabulary for both checkers.
@SuppressWarningsPrefix({
  "percpu",
  "PerCpuNestedAccess",
  "PerCpuPossibleNestedAccess",
  "PerCpuBlockingWhilePinned",
  "PerCpuOnEachCpuWhilePinned"
})
public class PerCpuChecker extends BaseTypeChecker {

  /** Configured API methods, comma separated. */
  public static final String API_METHODS_OPTION = "percpuApiMethods";

  /**
   * Methods that may block, {@code OWNER#METHOD} comma separated, beyond the model's built-in list
   * and {@code @MayBlock}: the counterpart of {@code -XepOpt:PerCpu:BlockingMethods}.
   */
  public static final String BLOCKING_METHODS_OPTION = "percpuBlockingMethods";

  /** Require declared effects on public and protected methods. */
  public static final String STRICT_OPTION = "percpuStrict";

  /** One of the qualifiers; the framework needs all of them resolvable to build its hierarchy. */
  private static final String QUALIFIER = "dev.percpu.qual.Allocation";

  private PerCpuApi api;
  private BlockingMethods blockingMethods;
  private String apiError;

  /**
   * Whether {@code percpu-qual} is on the compile classpath. Builds that turn the checker on for
   * every module compile code that never sees it, and the framework then throws {@code
   * java.lang.Error} while building the qualifier hierarchy; such a compilation gets no visitor.
   */
  private boolean qualifiersResolvable = true;

  private UnitRelevance relevance;
  private boolean missingQualifiersReported;

  @Override
  public void typeProcessingStart() {
    qualifiersResolvable = processingEnv.getElementUtils().getTypeElement(QUALIFIER) != null;
    if (qualifiersResolvable) {
      super.typeProcessingStart();
    }
    // Otherwise the framework is never initialised (that is what builds the hierarchy), and
    // typeProcess below never reaches it.
  }

  @Override
  public void typeProcessingOver() {
    if (qualifiersResolvable) {
      super.typeProcessingOver();
    }
  }

  @Override
  public void typeProcess(TypeElement element, TreePath path) {
    if (qualifiersResolvable) {
      super.typeProcess(element, path);
      return;
    }
    // Without the qualifiers the checker cannot analyse; code that cannot reach the API needs no
    // analysis, and code that uses it (the runtime without percpu-qual) is told what is missing.
    if (missingQualifiersReported || path == null) {
      return;
    }
    if (relevance == null) {
      relevance =
          new UnitRelevance(
              PerCpuApi.annotationsOnly(),
              processingEnv.getElementUtils(),
              EffectAnalysis::calleeOf);
    }
    if (relevance.concernsPerCpu(path.getCompilationUnit())) {
      missingQualifiersReported = true; // once per compilation: one classpath, one fix
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "[percpu.qual.missing] this code uses the per-CPU API, but dev.percpu:percpu-qual"
                  + " is not on the compile classpath, so the percpu checker cannot analyse it:"
                  + " add percpu-qual to the classpath (compile scope)",
              element);
    }
  }

  /** The shared model, configured from {@code -ApercpuApiMethods}. */
  PerCpuApi api() {
    if (api == null) {
      String spec = getOption(API_METHODS_OPTION);
      try {
        api =
            spec == null || spec.isBlank()
                ? PerCpuApi.annotationsOnly()
                : PerCpuApi.create(Arrays.asList(spec.split(",")));
      } catch (IllegalArgumentException e) {
        apiError = "-A" + API_METHODS_OPTION + ": " + e.getMessage();
        api = PerCpuApi.annotationsOnly();
      }
    }
    return api;
  }

  /** Why {@code -ApercpuApiMethods} was rejected, or {@code null}. */
  String apiError() {
    api();
    blockingMethods();
    return apiError;
  }

  /** The shared model's blocking methods, configured from {@code -ApercpuBlockingMethods}. */
  BlockingMethods blockingMethods() {
    if (blockingMethods == null) {
      try {
        blockingMethods =
            BlockingMethods.builtIn()
                .withSpecs(BlockingCheck.specs(getOption(BLOCKING_METHODS_OPTION)));
      } catch (IllegalArgumentException e) {
        api();
        if (apiError == null) {
          apiError = "-A" + BLOCKING_METHODS_OPTION + ": " + e.getMessage();
        }
        blockingMethods = BlockingMethods.builtIn();
      }
    }
    return blockingMethods;
  }

  boolean strict() {
    return hasOption(STRICT_OPTION) && !"false".equals(getOption(STRICT_OPTION));
  }
}
