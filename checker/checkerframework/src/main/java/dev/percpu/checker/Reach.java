package dev.percpu.checker;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether a point of the code runs while its enclosing method (or initialiser) runs, which
 * allocations are entered around it there, and which pins are held around it. It is the checker's
 * counterpart of the entered set (and the pin) the Error Prone checks carry while scanning.
 *
 * @param runs false when the point only runs later or on another thread (a stored closure, a
 *     closure handed to an executor)
 * @param entered the allocations entered around the point, within its enclosing method
 * @param root what the point runs as part of: a method, a closure that runs later, or a member of a
 *     class (a field initialiser or initialiser block)
 * @param pins the pins held around the point, outermost first: every entering call of {@code
 *     entered}, and the {@code CpuGuard} blocks and {@code onEachCpu} actions, which enter nothing
 */
record Reach(boolean runs, Set<EntrySite> entered, Tree root, Set<Pin> pins) {

  static final Reach NOT_RUN = new Reach(false, Set.of(), null);

  Reach(boolean runs, Set<EntrySite> entered, Tree root) {
    this(runs, entered, root, Set.of());
  }

  /**
   * A closure that does not run now (stored, returned, handed to another thread): its body runs
   * later, as a root of its own, outside every entry of the code that made it.
   */
  static Reach ownRoot(Tree closure) {
    return new Reach(true, Set.of(), closure);
  }

  /** Whether the root is a closure running later rather than a method or initialiser. */
  boolean deferred() {
    return root instanceof LambdaExpressionTree
        || root instanceof MemberReferenceTree
        || root instanceof NewClassTree
        || root instanceof IdentifierTree;
  }

  /** Inside these entries as well, each pinned by its entering call. */
  Reach plus(Set<EntrySite> more) {
    Set<Pin> morePins = new LinkedHashSet<>();
    for (EntrySite e : more) {
      morePins.add(Pin.at(e.site(), e.possibleOnly()));
    }
    return plus(more, morePins);
  }

  /**
   * Inside these entries and these pins, given apart: a method of the unit that runs a closure
   * argument holds its own pins around it, which its entries (in its summary) do not name.
   */
  Reach plus(Set<EntrySite> more, Collection<Pin> morePins) {
    if (!runs || (more.isEmpty() && morePins.isEmpty())) {
      return this;
    }
    Set<EntrySite> all = new LinkedHashSet<>(entered);
    all.addAll(more);
    Set<Pin> held = new LinkedHashSet<>(pins);
    held.addAll(morePins);
    return new Reach(true, all, root, held);
  }

  /**
   * The same point, which may or may not run inside these entries (a closure given to a method
   * whose {@code ClosureUse} is unknown): a nesting against any of them is at most "possible".
   */
  Reach uncertain() {
    if (!runs || (entered.isEmpty() && pins.isEmpty())) {
      return this;
    }
    Set<EntrySite> all = new LinkedHashSet<>();
    for (EntrySite e : entered) {
      all.add(e.uncertain());
    }
    Set<Pin> held = new LinkedHashSet<>();
    for (Pin p : pins) {
      held.add(p.uncertain());
    }
    return new Reach(true, all, root, held);
  }

  /**
   * The same point, reached through a held closure that {@code r} runs: a nesting against the
   * entries around {@code r} is reported there, unless a call further out already runs it.
   */
  Reach runAt(EntrySite.RunSite r) {
    if (!runs || entered.isEmpty()) {
      return this;
    }
    Set<EntrySite> all = new LinkedHashSet<>();
    for (EntrySite e : entered) {
      all.add(e.runAt(r));
    }
    return new Reach(true, all, root, pins);
  }

  Reach union(Reach other) {
    if (!other.runs) {
      return this;
    }
    if (!runs) {
      return other;
    }
    Set<EntrySite> all = new LinkedHashSet<>(entered);
    all.addAll(other.entered);
    Set<Pin> held = new LinkedHashSet<>(pins);
    held.addAll(other.pins);
    Tree r =
        root == null || (deferred() && !other.deferred() && other.root != null) ? other.root : root;
    return new Reach(true, all, r, held);
  }
}
