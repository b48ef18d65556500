package dev.percpu.analysis;

import dev.percpu.analysis.AllocationIdentity.OfHeldObject;
import javax.lang.model.util.Types;

/**
 * How an inner entry relates to an allocation already entered on the same thread: the verdict table
 * of {@code analysis-model.md}, written once for both checkers. The CPU-context rows of that table
 * (another thread, after the outer closure ended) are the scanners' business: they only ask where
 * an entry is nested.
 *
 * <table>
 *   <caption>Two identities</caption>
 *   <tr><th>inner vs. entered</th><th>verdict</th></tr>
 *   <tr><td>the same stable identity (site, symbol, variable)</td><td>{@link #DEFINITE}</td></tr>
 *   <tr><td>either promised {@code @Distinct}</td><td>{@link #DISTINCT}</td></tr>
 *   <tr><td>type arguments that cannot be the same</td><td>{@link #DISTINCT}</td></tr>
 *   <tr><td>two different fresh sites or symbols</td><td>{@link #DISTINCT}</td></tr>
 *   <tr><td>an allocation made in method m vs. a parameter of m</td><td>{@link #DISTINCT}</td></tr>
 *   <tr><td>a field of the object held by a stable variable ({@link OfHeldObject}) vs. the same
 *       field through the same holder</td><td>as the field's allocations</td></tr>
 *   <tr><td>... vs. anything else</td><td>as the field's allocation, short of {@link
 *       #DEFINITE}</td></tr>
 *   <tr><td>anything else (unknown, another variable)</td><td>{@link #POSSIBLE}</td></tr>
 * </table>
 *
 * <p>Two sets are {@link #DEFINITE} only when each is one stable identity and those are equal;
 * otherwise {@link #POSSIBLE} when any pair of members is not {@link #DISTINCT}.
 *
 * <pre>{@code
 * switch (Verdict.of(innerIds, entry.identities(), types)) {
 *   case DEFINITE -> report(FindingText.definite(...));
 *   case POSSIBLE -> report(FindingText.possible(...));
 *   case DISTINCT -> {}
 * }
 * }</pre>
 */
public enum Verdict {
  /** Definitely the same allocation: a nested entry that throws at run time. */
  DEFINITE,
  /** May be the same allocation, and nothing proves otherwise. */
  POSSIBLE,
  /** Provably different allocations. */
  DISTINCT;

  /** The verdict for an entry of {@code inner} inside an entry of {@code entered}. */
  public static Verdict of(IdentitySet inner, IdentitySet entered, Types types) {
    if (inner.isEmpty() || entered.isEmpty()) {
      return DISTINCT;
    }
    var definite = inner.definiteMember();
    if (definite.isPresent() && definite.equals(entered.definiteMember())) {
      return DEFINITE;
    }
    for (AllocationIdentity a : inner.members()) {
      for (AllocationIdentity b : entered.members()) {
        if (of(a, b, types) != DISTINCT) {
          return POSSIBLE;
        }
      }
    }
    return DISTINCT;
  }

  /** The verdict for two single identities; the order of the arguments does not matter. */
  public static Verdict of(AllocationIdentity a, AllocationIdentity b, Types types) {
    if (a.isStable() && a.equals(b)) {
      return DEFINITE;
    }
    if (a.isPromisedDistinct() || b.isPromisedDistinct()) {
      return DISTINCT;
    }
    if (!TypeArguments.mayBeSame(a.typeArgument(), b.typeArgument(), types)) {
      return DISTINCT;
    }
    if (a instanceof OfHeldObject || b instanceof OfHeldObject) {
      return ofHeldObjects(a, b, types);
    }
    if (isIndependent(a) && isIndependent(b)) {
      return DISTINCT; // a fresh site or a symbol never reaches another site's or symbol's
    }
    if (newerThanParameter(a, b) || newerThanParameter(b, a)) {
      return DISTINCT;
    }
    return POSSIBLE;
  }

  /**
   * This verdict for an entry that may or may not happen (an untraced closure, a callee that may
   * run it): never more than {@link #POSSIBLE}.
   */
  public Verdict ifCertain(boolean certain) {
    return this == DEFINITE && !certain ? POSSIBLE : this;
  }

  /**
   * Through one holder, the same object: the verdict of what the field reaches on it. Through
   * another holder, or on the current object, the object may or may not be the same one: whatever
   * the allocations' own verdict, short of definite.
   */
  private static Verdict ofHeldObjects(AllocationIdentity a, AllocationIdentity b, Types types) {
    if (a instanceof OfHeldObject x
        && b instanceof OfHeldObject y
        && x.holder().equals(y.holder())) {
      return of(x.onObject(), y.onObject(), types);
    }
    return of(onItsObject(a), onItsObject(b), types).ifCertain(false);
  }

  private static AllocationIdentity onItsObject(AllocationIdentity a) {
    return a instanceof OfHeldObject h ? h.onObject() : a;
  }

  private static boolean isIndependent(AllocationIdentity a) {
    return a instanceof AllocationIdentity.Fresh || a instanceof AllocationIdentity.Symbolic;
  }

  /** A method's parameters held their handles before the method allocated anything. */
  private static boolean newerThanParameter(AllocationIdentity fresh, AllocationIdentity param) {
    return fresh instanceof AllocationIdentity.Fresh f
        && param instanceof AllocationIdentity.Variable v
        && v.isParameterOf(f.scope());
  }
}
