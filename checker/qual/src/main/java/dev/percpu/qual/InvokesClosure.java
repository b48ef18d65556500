package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method invokes the closures held by the listed parameters on the calling thread before it
 * returns, without entering any allocation itself. A closure given to such a method is analysed as
 * if its body ran at the call. {@code CpuGuard.onEachCpu} carries it.
 *
 * <pre>{@code
 * @InvokesClosure(0)
 * static void retrying(Runnable body) { ... body.run(); ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface InvokesClosure {
  /** 0-based indices of the closure parameters invoked during the call. */
  int[] value();
}
