package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The allocations one handle expression may reach: one member when the binder knows, several for a
 * conditional, a switch or a variable assigned on several paths. Immutable, in the order members
 * were first added (so messages read in source order).
 *
 * <pre>{@code
 * IdentitySet either = IdentitySet.of(a).union(IdentitySet.of(b));
 * either.describe();          // "one of `a`, `b`"
 * either.definiteMember();    // empty: a conditional is definite only when every arm agrees
 * }</pre>
 */
public final class IdentitySet {

  private static final IdentitySet EMPTY = new IdentitySet(Set.of());

  private final Set<AllocationIdentity> members;

  private IdentitySet(Set<AllocationIdentity> members) {
    this.members = members;
  }

  /** The set of no allocation: what an expression that is no handle reaches. */
  public static IdentitySet empty() {
    return EMPTY;
  }

  /** The set of exactly {@code identity}. */
  public static IdentitySet of(AllocationIdentity identity) {
    return new IdentitySet(Set.of(identity));
  }

  /** The set of {@code identities}, in their order, without repetitions. */
  public static IdentitySet copyOf(Iterable<? extends AllocationIdentity> identities) {
    Set<AllocationIdentity> s = new LinkedHashSet<>();
    identities.forEach(s::add);
    return s.isEmpty() ? EMPTY : new IdentitySet(Collections.unmodifiableSet(s));
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** The members, in the order they were first added. */
  public List<AllocationIdentity> members() {
    return List.copyOf(members);
  }

  /** This set's members, then {@code other}'s that are not among them. */
  public IdentitySet union(IdentitySet other) {
    if (other.members.isEmpty() || members.containsAll(other.members)) {
      return this;
    }
    if (members.isEmpty()) {
      return other;
    }
    Set<AllocationIdentity> s = new LinkedHashSet<>(members);
    s.addAll(other.members);
    return new IdentitySet(Collections.unmodifiableSet(s));
  }

  /** Replaces each member by the set {@code f} maps it to; members mapped to empty drop out. */
  public IdentitySet flatMap(Function<AllocationIdentity, IdentitySet> f) {
    Set<AllocationIdentity> s = new LinkedHashSet<>();
    for (AllocationIdentity a : members) {
      s.addAll(f.apply(a).members);
    }
    return s.isEmpty() ? EMPTY : new IdentitySet(Collections.unmodifiableSet(s));
  }

  /**
   * The one member, when there is exactly one and it is stable: the allocation the expression
   * definitely reaches.
   */
  public Optional<AllocationIdentity> definiteMember() {
    if (members.size() != 1) {
      return Optional.empty();
    }
    AllocationIdentity a = members.iterator().next();
    return a.isStable() ? Optional.of(a) : Optional.empty();
  }

  /** How a finding names the set: its member's name, or {@code one of `a`, `b`}. */
  public String describe() {
    if (members.size() == 1) {
      return members.iterator().next().describe();
    }
    List<String> parts = new ArrayList<>(members.size());
    for (AllocationIdentity a : members) {
      parts.add(a.describe());
    }
    return members.isEmpty() ? "no allocation" : "one of " + String.join(", ", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentitySet s && s.members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
