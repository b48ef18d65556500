package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method returns a handle to the named static per-CPU variable whose symbol is the {@code
 * String} parameter at index {@link #value()}. Two lookups of the same constant symbol alias each
 * other exactly like clones; lookups of different constant symbols never do. {@code PerCpu.define}
 * and {@code PerCpu.symbol} carry it.
 *
 * <pre>{@code
 * @SymbolLookup(0)
 * public static <T> PerCpu<T> symbol(String symbol, Class<T> type) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SymbolLookup {
  /** 0-based index of the {@code String} parameter that names the symbol. */
  int value() default 0;
}
