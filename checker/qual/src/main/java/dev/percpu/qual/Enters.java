package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the method's <em>entering effect</em>: the allocations it may enter while it runs,
 * directly or through the methods it calls. Each string names an allocation in the method's own
 * terms:
 *
 * <ul>
 *   <li>{@code "this"}: the receiver, when the receiver is itself a handle or token;
 *   <li>a field, {@code "counts"} or {@code "this.counts"} (a static field by its simple or
 *       qualified name);
 *   <li>{@code "#1"}, {@code "#2"}, ...: the allocation reached by that parameter (1-based);
 *   <li>{@code "symbol:NAME"}: the static per-CPU variable defined under {@code NAME}.
 * </ul>
 *
 * <p>{@code @Enters({})} declares that the method enters nothing. A method compiled elsewhere
 * without this annotation gets the checkers' conservative default: it may enter any handle passed
 * to it. A closure passed to such a method may be invoked unless its parameter is {@link Deferred}.
 *
 * <pre>{@code
 * @Enters("this.requests")
 * public void record(long nanos) { requests.with(r -> r.add(nanos)); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Enters {
  /** The allocations the method may enter. */
  String[] value() default {};
}
