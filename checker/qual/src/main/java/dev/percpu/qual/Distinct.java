package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handle or token held by this field, parameter or local variable (or returned by this method)
 * reaches an allocation that no other handle in scope reaches, unless it was derived from this one
 * by an alias-preserving method. It turns a <em>possible</em> nesting of two handles with the same
 * type argument into a proven-distinct one.
 *
 * <pre>{@code
 * void merge(@Distinct PerCpu<Stats> from, @Distinct PerCpu<Stats> into) {
 *   from.with(a -> into.with(b -> b.add(a)));   // not a possible nesting any more
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.LOCAL_VARIABLE, ElementType.METHOD})
public @interface Distinct {}
