/**
 * Lifetime checks in one walk: guards not closed by try-with-resources, guards and tokens that
 * outlive their guard, values handed to an entering closure that outlive the closure. Entry point:
 * {@link dev.percpu.errorprone.lifetime.LifetimeScanner#run}.
 */
package dev.percpu.errorprone.lifetime;
