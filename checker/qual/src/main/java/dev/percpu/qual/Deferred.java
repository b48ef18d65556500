package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The closure passed for this parameter is never invoked during the call on the calling thread: the
 * method stores it for later or hands it to another thread, where it runs under a pin of its own.
 * Entries inside such a closure are not nested in the caller's entries.
 *
 * <pre>{@code
 * void submit(@Deferred Runnable task) { queue.add(task); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Deferred {}
