package dev.percpu.errorprone.nesting;

import dev.percpu.analysis.TypeArguments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.util.Types;

/**
 * The allocations one handle expression may reach: one member when the binder knows, several for a
 * conditional or a variable assigned on several paths. An entry is <em>definite</em> only when both
 * sides are the same single, non-unknown allocation.
 */
final class AllocationSet {

  /** How an inner entry relates to an entered allocation. */
  enum Relation {
    SAME,
    MAY_ALIAS,
    DISTINCT
  }

  private final Set<Allocation> members;

  private AllocationSet(Set<Allocation> members) {
    this.members = members;
  }

  static AllocationSet of(Allocation a) {
    Set<Allocation> s = new LinkedHashSet<>();
    s.add(a);
    return new AllocationSet(s);
  }

  static AllocationSet empty() {
    return new AllocationSet(new LinkedHashSet<>());
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  List<Allocation> members() {
    return new ArrayList<>(members);
  }

  AllocationSet union(AllocationSet other) {
    Set<Allocation> s = new LinkedHashSet<>(members);
    s.addAll(other.members);
    return new AllocationSet(s);
  }

  /** Replaces each member by the set {@code f} maps it to (dropping members mapped to empty). */
  AllocationSet flatMap(Function<Allocation, AllocationSet> f) {
    Set<Allocation> s = new LinkedHashSet<>();
    for (Allocation a : members) {
      s.addAll(f.apply(a).members);
    }
    return new AllocationSet(s);
  }

  /** The single member when there is exactly one that is not unknown. */
  Allocation single() {
    if (members.size() != 1) {
      return null;
    }
    Allocation a = members.iterator().next();
    return a instanceof Allocation.Unknown ? null : a;
  }

  String describe() {
    if (members.size() == 1) {
      return members.iterator().next().describe();
    }
    List<String> parts = new ArrayList<>();
    for (Allocation a : members) {
      parts.add(a.describe());
    }
    return "one of " + String.join(", ", parts);
  }

  /** The first member that may alias an {@code outer} member, for messages. */
  Allocation commonWith(AllocationSet outer, Types types, boolean typeArgumentAliasing) {
    for (Allocation a : members) {
      for (Allocation b : outer.members) {
        if (mayAlias(a, b, types, typeArgumentAliasing)) {
          return a.equals(b) ? b : a;
        }
      }
    }
    return null;
  }

  Relation relate(AllocationSet outer, Types types, boolean typeArgumentAliasing) {
    Allocation mine = single();
    if (mine != null && mine.equals(outer.single())) {
      return Relation.SAME;
    }
    return commonWith(outer, types, typeArgumentAliasing) != null
        ? Relation.MAY_ALIAS
        : Relation.DISTINCT;
  }

  static boolean mayAlias(Allocation a, Allocation b, Types types, boolean typeArgumentAliasing) {
    if (a.equals(b)) {
      return true;
    }
    if (a.concrete() && b.concrete()) {
      return false; // different fresh sites or symbols
    }
    if (isDistinct(a) || isDistinct(b)) {
      return false;
    }
    // A handle allocated in this very method body cannot be what a parameter or an earlier
    // method result reaches.
    if (isLocalFresh(a) || isLocalFresh(b)) {
      return false;
    }
    if (!typeArgumentAliasing) {
      return false;
    }
    return TypeArguments.mayBeSame(a.typeArgument(), b.typeArgument(), types);
  }

  private static boolean isDistinct(Allocation a) {
    return a instanceof Allocation.Named n && n.distinct();
  }

  private static boolean isLocalFresh(Allocation a) {
    return a instanceof Allocation.Fresh f && f.perEvaluation();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AllocationSet s && s.members.equals(members);
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
