package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is an <em>entering method</em>: it runs a caller's closure with exclusive access to
 * the current CPU's slot of one allocation, and the slot stays entered until the closure returns.
 * Calling an entering method for allocation A inside a closure that already entered A on the same
 * thread is the nesting the percpu checkers report.
 *
 * <p>The runtime's {@code PerCpu.with}, {@code PerCpu.apply}, {@code PerCpuToken.with} and {@code
 * PerCpuToken.apply} carry this annotation. A wrapper that forwards to them should carry it too:
 *
 * <pre>{@code
 * final class Shard<T> {
 *   private final PerCpu<T> values;
 *   @Entering(closure = 0)
 *   void update(Consumer<? super T> action) { values.with(action); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Entering {
  /** 0-based index of the parameter holding the closure that runs while the slot is entered. */
  int closure() default 0;

  /**
   * Which allocation is entered: {@code -1} (the default) for the receiver's, otherwise the 0-based
   * index of the parameter holding the handle or token.
   */
  int handle() default -1;
}
