package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Type qualifier (Checker Framework checker {@code dev.percpu.checker.PerCpuChecker}): the bottom
 * of the allocation-identity hierarchy, the type of {@code null}. Users do not write it.
 *
 * <pre>{@code
 * PerCpu<Long> none = null; // null is @AllocationBottom
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface AllocationBottom {}
