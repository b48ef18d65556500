package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Type qualifier (Checker Framework checker {@code dev.percpu.checker.PerCpuChecker}): the handle
 * or token may reach any allocation of its type argument. It is the top of the allocation-identity
 * hierarchy and the default everywhere, so it is rarely written.
 *
 * <pre>{@code
 * PerCpu<Long> pick(List<@UnknownAllocation PerCpu<Long>> all) { return all.get(0); }
 * }</pre>
 *
 * <p>This artifact has no dependencies, so the hierarchy ({@code @AllocationBottom} below
 * {@code @Allocation("x")} below {@code @UnknownAllocation}) is built by the checker itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface UnknownAllocation {}
