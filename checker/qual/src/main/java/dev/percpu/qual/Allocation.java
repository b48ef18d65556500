package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Type qualifier (Checker Framework checker {@code dev.percpu.checker.PerCpuChecker}): the handle
 * or token reaches exactly the named allocation. The checker infers it (from {@code allocate},
 * {@code define}/{@code symbol} with a constant, {@code clone()}, {@code get(guard)} and final
 * variables), so users write it mainly to state that a method returns a handle to a static per-CPU
 * variable:
 *
 * <pre>{@code
 * static @Allocation("symbol:hits") PerCpu<Long> hits() { return PerCpu.symbol("hits", Long.class); }
 * }</pre>
 *
 * <p>Two qualifiers with different names are unrelated; both are below {@link UnknownAllocation}
 * and above {@link AllocationBottom}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Allocation {
  /**
   * The allocation's name: {@code "symbol:NAME"} for a static per-CPU variable; names the checker
   * infers look like {@code "fresh:..."}, {@code "field:Owner.name"} or {@code "var:name@..."}.
   */
  String value();
}
