package dev.percpu.checker;

import dev.percpu.analysis.PerCpuApi;
import java.util.Arrays;
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
 * javac -processor dev.percpu.checker.PerCpuChecker -cp percpu-runtime.jar:checker-qual.jar \
 *       -processorpath percpu-checker.jar:checker.jar:... Foo.java
 * </pre>
 *
 * <p>Options: {@code -ApercpuApiMethods=OWNER#METHOD=ROLE,...} describes methods that cannot be
 * annotated (see {@code dev.percpu.analysis.ApiMethodSpec}); {@code -ApercpuStrict} requires
 * {@code @Enters} on public and protected methods whose effect callers in other files see. The
 * framework's {@code -AskipUses}, {@code -AonlyUses} and {@code -Awarns} apply, and findings are
 * suppressed with {@code @SuppressWarnings("percpu")} or {@code "percpu:KEY"}.
 */
@SupportedOptions({PerCpuChecker.API_METHODS_OPTION, PerCpuChecker.STRICT_OPTION})
// The Error Prone check names suppress the same findings here: one vocabulary for both checkers.
@SuppressWarningsPrefix({"percpu", "PerCpuNestedAccess", "PerCpuPossibleNestedAccess"})
public class PerCpuChecker extends BaseTypeChecker {

  /** Configured API methods, comma separated. */
  public static final String API_METHODS_OPTION = "percpuApiMethods";

  /** Require declared effects on public and protected methods. */
  public static final String STRICT_OPTION = "percpuStrict";

  private PerCpuApi api;
  private String apiError;

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
    return apiError;
  }

  boolean strict() {
    return hasOption(STRICT_OPTION) && !"false".equals(getOption(STRICT_OPTION));
  }
}
