package dev.percpu.errorprone.nesting;

import com.sun.source.util.TreePath;
import dev.percpu.analysis.Entry;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.Verdict;

/**
 * One nested entry the scanner found: where to report it, how sure it is, what is entered again
 * inside what, and by which path.
 *
 * @param at where the finding belongs: the inner entering call, or the call inside the closure that
 *     leads to it
 * @param verdict {@link Verdict#DEFINITE} or {@link Verdict#POSSIBLE}
 * @param inner what the inner entry enters
 * @param outer the entry it is nested in
 * @param via the call path from {@code at} to the inner entry, or empty when {@code at} is it
 */
record NestingEvent(TreePath at, Verdict verdict, IdentitySet inner, Entry outer, String via) {}
