package dev.percpu.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one method may enter while it runs, in its own terms (its parameters, fields, symbols), and
 * which closure parameters it invokes under which entries. A checker computes summaries for the
 * methods it analyses and {@linkplain #instantiate instantiates} one at each call site. Equality
 * ignores the message details, so that a fixpoint over a call graph stops as soon as the facts stop
 * growing.
 *
 * <pre>{@code
 * EffectSummary.Builder b = new EffectSummary.Builder();
 * b.enter(IdentitySet.of(counts), true, "`with` at line 5");
 * b.invoke(0, true, entered.entries());
 * List<Effect> here = b.build().instantiate(site);
 * }</pre>
 */
public final class EffectSummary {

  /** The summary of a method that enters nothing and invokes no closure parameter. */
  public static final EffectSummary EMPTY = new Builder().build();

  /**
   * A closure parameter the method invokes, and what is entered around the invocation.
   *
   * @param certain whether the invocation certainly happens inside {@code around}
   * @param around the entries around the invocation, in the method's terms
   */
  public record Invocation(boolean certain, Set<Entry> around) {}

  private final Map<IdentitySet, Effect> enters;
  private final Map<Integer, Invocation> invokes;

  private EffectSummary(Map<IdentitySet, Effect> enters, Map<Integer, Invocation> invokes) {
    this.enters = Collections.unmodifiableMap(enters);
    this.invokes = Collections.unmodifiableMap(invokes);
  }

  /** What the method may enter, in its own terms. */
  public Iterable<Effect> enters() {
    return enters.values();
  }

  /** The invocation of closure parameter {@code index} (0-based), or {@code null} if none. */
  public Invocation invocation(int index) {
    return invokes.get(index);
  }

  /**
   * The closure parameters (0-based) the method invokes, in the order first recorded: what a
   * suggested {@code @InvokesClosure} lists, and whose {@link #invocation}s a checker reads.
   */
  public Set<Integer> invokedParameters() {
    return invokes.keySet();
  }

  public boolean isEmpty() {
    return enters.isEmpty() && invokes.isEmpty();
  }

  /**
   * What the call at {@code site} may enter, in the caller's terms ({@link CallSiteTranslation});
   * effects that mean nothing to the caller (an allocation of the callee's own evaluation) drop
   * out. Each effect keeps the path the callee recorded.
   */
  public List<Effect> instantiate(CallSite site) {
    List<Effect> out = new ArrayList<>(enters.size());
    for (Effect e : enters.values()) {
      IdentitySet ids = CallSiteTranslation.entered(e.identities(), site);
      if (!ids.isEmpty()) {
        out.add(new Effect(ids, e.certain(), e.path()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The entries around the invocation of closure parameter {@code index}, in the caller's terms,
   * named by the callee ({@code `update()`}): what the closure passed there runs inside. Empty when
   * the parameter is not invoked or invoked outside any entry.
   */
  public List<Entry> entriesAround(int index, CallSite site) {
    Invocation inv = invokes.get(index);
    if (inv == null) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : inv.around()) {
      IdentitySet ids = CallSiteTranslation.entered(e.identities(), site);
      if (!ids.isEmpty()) {
        out.add(
            new Entry(
                ids,
                FindingText.call(site.callee()),
                e.line(),
                e.certain() && inv.certain(),
                null));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EffectSummary s)) {
      return false;
    }
    if (!s.enters.keySet().equals(enters.keySet()) || !s.invokes.equals(invokes)) {
      return false;
    }
    for (Map.Entry<IdentitySet, Effect> e : enters.entrySet()) {
      if (e.getValue().certain() != s.enters.get(e.getKey()).certain()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enters.keySet(), invokes);
  }

  /** Accumulates one method's facts during one scan of its body. Not thread-safe. */
  public static final class Builder {
    private final Map<IdentitySet, Effect> enters = new LinkedHashMap<>();
    private final Map<Integer, Invocation> invokes = new LinkedHashMap<>();

    /** The method may enter {@code identities}; a certain entry outweighs an uncertain one. */
    public void enter(IdentitySet identities, boolean certain, String path) {
      if (identities.isEmpty()) {
        return;
      }
      Effect old = enters.get(identities);
      if (old == null || (certain && !old.certain())) {
        enters.put(identities, new Effect(identities, certain, path));
      }
    }

    /** The method invokes closure parameter {@code index} inside {@code around}. */
    public void invoke(int index, boolean certain, List<Entry> around) {
      Invocation old = invokes.get(index);
      Set<Entry> all = new LinkedHashSet<>();
      boolean c = certain;
      if (old != null) {
        all.addAll(old.around());
        c |= old.certain();
      }
      all.addAll(around);
      invokes.put(index, new Invocation(c, Collections.unmodifiableSet(all)));
    }

    public EffectSummary build() {
      return new EffectSummary(new LinkedHashMap<>(enters), new LinkedHashMap<>(invokes));
    }
  }
}
