package dev.percpu.checker;

import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * A closure that runs later (stored, returned, handed on): its functional type and what it may
 * enter. A call through that type which cannot be traced to its closure may run it.
 *
 * @param type the closure's functional interface type
 * @param enters what its body may enter
 */
record StoredClosure(TypeMirror type, Set<EntrySite> enters) {}
