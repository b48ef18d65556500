package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method returns a handle or token that reaches the same allocation as its receiver (or as the
 * parameter at index {@link #from()}): an alias. {@code PerCpu.clone()} and {@code
 * PerCpu.get(CpuGuard)} carry it.
 *
 * <pre>{@code
 * @PreservesAllocation
 * public PerCpu<T> clone() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PreservesAllocation {
  /** {@code -1} (the default) for the receiver, otherwise the 0-based parameter index. */
  int from() default -1;
}
