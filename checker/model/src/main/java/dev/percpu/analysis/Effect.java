package dev.percpu.analysis;

/**
 * One allocation a method, or one point of it, may enter while it runs.
 *
 * <pre>{@code
 * new Effect(IdentitySet.of(counts), true, "`with` at line 23");
 * }</pre>
 *
 * @param identities what is entered
 * @param certain false when the entry happens only if an untraced closure is the one that enters,
 *     so that a nesting through it is at most {@link Verdict#POSSIBLE}
 * @param path how the entry is reached from the method, for messages ({@code `inc()` at line 23})
 */
public record Effect(IdentitySet identities, boolean certain, String path) {}
