package dev.percpu.errorprone.nesting;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.percpu.analysis.EffectSummary;
import dev.percpu.analysis.EnteredSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link NestingScanner} is, passed down as the scanner's argument: each descent makes a new
 * value and a return restores the old one by construction, so nothing is saved and restored by
 * hand.
 *
 * @param entered the entries around the code being scanned
 * @param method the method or constructor whose body is being scanned, or {@code null} in a field
 *     initialiser: its parameters are the ones a closure argument can be
 * @param summary the summary of {@code method} being built, or {@code null} where the code scanned
 *     does not run as part of the method (a stored closure, a nested class)
 * @param redirect where findings go while a closure held in a variable is scanned at the call that
 *     runs it, or {@code null}
 * @param running the held closures being scanned where they run, innermost last: a closure that
 *     runs itself again is not scanned again
 */
record ScanContext(
    EnteredSet entered,
    MethodSymbol method,
    EffectSummary.Builder summary,
    Redirect redirect,
    List<Tree> running) {

  /** A closure held in a local variable, scanned at the call that runs it. */
  record Redirect(Tree at, TreePath path, String via) {}

  /** Outside any method: a class body, a field initialiser. */
  static final ScanContext TOP = new ScanContext(EnteredSet.EMPTY, null, null, null, List.of());

  /** The start of {@code method}'s body, whose summary {@code summary} accumulates. */
  static ScanContext body(MethodSymbol method, EffectSummary.Builder summary) {
    return new ScanContext(EnteredSet.EMPTY, method, summary, null, List.of());
  }

  ScanContext withEntered(EnteredSet e) {
    return e == entered ? this : new ScanContext(e, method, summary, redirect, running);
  }

  /** Code that runs later or elsewhere: nothing around it, and not part of the method's effect. */
  ScanContext detached() {
    return new ScanContext(EnteredSet.EMPTY, method, null, redirect, running);
  }

  /**
   * The same place, scanning the held {@code closure} where it runs; its findings are reported at
   * {@code r.at()} unless an outer redirect already says where.
   */
  ScanContext running(Tree closure, Redirect r) {
    List<Tree> more = new ArrayList<>(running);
    more.add(closure);
    return new ScanContext(
        entered, method, summary, redirect != null ? redirect : r, List.copyOf(more));
  }

  /** Whether {@code closure} is being scanned where it runs, further out on this path. */
  boolean isRunning(Tree closure) {
    for (Tree t : running) {
      if (t == closure) {
        return true;
      }
    }
    return false;
  }
}
