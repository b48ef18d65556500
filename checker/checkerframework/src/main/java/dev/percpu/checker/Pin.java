package dev.percpu.checker;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One pin held around a point of the code, for the blocking rule: where the thread was pinned, and
 * through which of the unit's methods. It is the pinning counterpart of an {@link EntrySite}: an
 * entering call both enters an allocation and pins, while a {@code CpuGuard} block and an {@code
 * onEachCpu} action only pin, so a {@link Reach} carries both.
 *
 * <pre>{@code
 * Pin guard = Pin.at(tryTree, false);        // "the CpuGuard in the try at line 12"
 * Pin held = guard.inside(pinnedMethod);     // "... inside `pinned()`"
 * }</pre>
 *
 * @param site the call whose closure runs pinned (an entering call, {@code CpuGuard.onEachCpu}), or
 *     the {@code try} statement with a {@code CpuGuard} resource
 * @param through the unit's methods that hold the pin around a closure argument they run, innermost
 *     first; empty when the pin is taken by the code around the point itself
 * @param possibleOnly the point runs under the pin only if a closure handed to a method of unknown
 *     use runs now: not reported, as for a "possible" nesting
 */
record Pin(Tree site, List<ExecutableElement> through, boolean possibleOnly) {

  Pin {
    through = List.copyOf(through);
  }

  static Pin at(Tree site, boolean possibleOnly) {
    return new Pin(site, List.of(), possibleOnly);
  }

  /** The same pin, as a caller of {@code callee} sees it around the closure it passes. */
  Pin inside(ExecutableElement callee) {
    List<ExecutableElement> all = new ArrayList<>(through);
    all.add(callee);
    return new Pin(site, all, possibleOnly);
  }

  /** The same pin, as the innermost method it is held through sees it: the reverse of inside. */
  Pin withinHolder() {
    return through.isEmpty()
        ? this
        : new Pin(site, through.subList(0, through.size() - 1), possibleOnly);
  }

  Pin uncertain() {
    return possibleOnly ? this : new Pin(site, through, true);
  }
}
