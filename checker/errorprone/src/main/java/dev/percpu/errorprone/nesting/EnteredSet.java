package dev.percpu.errorprone.nesting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entries on the scanner's current path, outermost first: Error Prone's {@code HeldLockSet}
 * turned around, where re-entering a member is the finding. Immutable; each descent into a closure
 * makes a new one.
 */
final class EnteredSet {

  static final EnteredSet EMPTY = new EnteredSet(List.of());

  private final List<Entry> entries;

  private EnteredSet(List<Entry> entries) {
    this.entries = entries;
  }

  List<Entry> entries() {
    return entries;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  EnteredSet plus(Entry e) {
    List<Entry> l = new ArrayList<>(entries.size() + 1);
    l.addAll(entries);
    l.add(e);
    return new EnteredSet(Collections.unmodifiableList(l));
  }

  EnteredSet plusAll(List<Entry> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Entry> l = new ArrayList<>(entries);
    l.addAll(more);
    return new EnteredSet(Collections.unmodifiableList(l));
  }

  /** The same entries, none of which definitely encloses what is scanned next. */
  EnteredSet uncertain() {
    if (entries.isEmpty()) {
      return this;
    }
    List<Entry> l = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      l.add(e.uncertain());
    }
    return new EnteredSet(Collections.unmodifiableList(l));
  }
}
