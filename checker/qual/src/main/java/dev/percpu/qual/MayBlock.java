package dev.percpu.qual;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method or constructor may block the calling thread: it sleeps, waits for a lock, a future, a
 * queue or I/O, directly or in code the checkers cannot see. Both percpu checkers treat a call of
 * it, or of a method that overrides it, like a call of {@code Thread.sleep}: a finding when made
 * while the thread is pinned ({@code PerCpuBlockingWhilePinned}). A pinned thread that blocks keeps
 * its CPU slot the whole time, so every other thread that needs the slot stalls.
 *
 * <pre>{@code
 * interface Inventory {
 *   @MayBlock
 *   int fetchCount(String sku); // a remote call
 * }
 *
 * counts.with(c -> c.add(inventory.fetchCount(sku))); // warned: fetch before the pin instead
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface MayBlock {}
