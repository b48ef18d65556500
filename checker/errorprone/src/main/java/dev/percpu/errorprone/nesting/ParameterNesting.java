package dev.percpu.errorprone.nesting;

import dev.percpu.analysis.Entry;
import dev.percpu.analysis.IdentitySet;
import dev.percpu.analysis.NestedParameters;

/**
 * A possible nesting inside a method between handles that are all its own parameters ({@code
 * outer.with(a -> inner.with(..))} in {@code nest(outer, inner)}), as the model's {@link
 * NestedParameters} decides which to record, with what this check's messages need: the outer
 * entry's call and line, and the path to the inner entry. Possible in the method, but at a call
 * whose arguments are known to be one allocation it is definite, and with distinct ones it is
 * nothing. Each call site of the method translates both sides and asks the verdict again.
 *
 * @param inner what the inner entry enters, in the method's terms
 * @param outer the entry it is nested in, in the method's terms
 * @param certain whether the inner entry runs inside the outer one for certain
 * @param via the path from the method's body to the inner entry, for the call site's message
 */
record ParameterNesting(IdentitySet inner, Entry outer, boolean certain, String via) {}
