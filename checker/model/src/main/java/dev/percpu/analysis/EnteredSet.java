package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entries around the code being scanned, outermost first: Error Prone's {@code HeldLockSet}
 * turned around, where re-entering a member is the finding. Immutable; each descent into the
 * closure of an entering call makes a new one.
 *
 * <pre>{@code
 * EnteredSet inside = entered.plus(new Entry(ids, "`with`", line, true, null));
 * for (Entry e : inside.entries()) { Verdict v = Verdict.of(inner, e.identities(), types); }
 * }</pre>
 */
public final class EnteredSet {

  /** Nothing entered: where a method body, a class or a stored closure begins. */
  public static final EnteredSet EMPTY = new EnteredSet(List.of());

  private final List<Entry> entries;

  private EnteredSet(List<Entry> entries) {
    this.entries = entries;
  }

  /** The entries, outermost first. */
  public List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether the scanned code runs inside every entry for certain. */
  public boolean allCertain() {
    for (Entry e : entries) {
      if (!e.certain()) {
        return false;
      }
    }
    return true;
  }

  /** These entries and, innermost, {@code e}. */
  public EnteredSet plus(Entry e) {
    return plusAll(List.of(e));
  }

  /** These entries and, inside them in order, {@code more}. */
  public EnteredSet plusAll(List<Entry> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Entry> l = new ArrayList<>(entries.size() + more.size());
    l.addAll(entries);
    l.addAll(more);
    return new EnteredSet(Collections.unmodifiableList(l));
  }

  /** The same entries, none of which definitely encloses what is scanned next. */
  public EnteredSet uncertain() {
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
