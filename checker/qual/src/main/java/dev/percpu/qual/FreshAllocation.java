package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every call of the method returns a handle to a new allocation that no other handle reaches yet.
 * {@code PerCpu.allocate} carries it.
 *
 * <pre>{@code
 * @FreshAllocation
 * public static <T> PerCpu<T> allocate(Supplier<? extends T> initialValue) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FreshAllocation {}
