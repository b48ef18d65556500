package dev.percpu;

import dev.percpu.internal.Allocation;
import dev.percpu.internal.AssertionMode;
import dev.percpu.internal.CallerFrame;
import dev.percpu.internal.ColdRethrow;
import dev.percpu.internal.FaultPoints;
import dev.percpu.internal.PinState;
import dev.percpu.internal.Pins;
import dev.percpu.internal.Symbols;
import dev.percpu.qual.Entering;
import dev.percpu.qual.FreshAllocation;
import dev.percpu.qual.PreservesAllocation;
import dev.percpu.qual.SymbolLookup;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A handle to a per-CPU allocation: one value of type {@code T} for every possible CPU, each
 * reachable only by the thread pinned to that CPU. It is the Java counterpart of the kernel's
 * {@code PerCpu<T>}.
 *
 * <pre>{@code
 * final class Stats { long requests; long bytes; }
 *
 * static final PerCpu<Stats> STATS = PerCpu.allocate(Stats::new);
 *
 * void onRequest(int size) {
 *   STATS.with(s -> { s.requests++; s.bytes += size; });   // pin, update this CPU's Stats, unpin
 * }
 * }</pre>
 *
 * <h2>Access</h2>
 *
 * <p>Values are reached only inside closures given to an <em>entering method</em>: {@link #with},
 * {@link #apply}, and {@link PerCpuToken#with}/{@link PerCpuToken#apply} on a token from {@link
 * #get(CpuGuard)}. The closure runs at once, on the calling thread, with exclusive access to the
 * value of the CPU it is pinned to, so it may mutate it with plain field accesses. Values must not
 * escape the closure.
 *
 * <h2>The nesting rule</h2>
 *
 * <p>While a closure for allocation A runs on CPU c, nothing on that thread may enter A on c again:
 * not through this handle, a {@link #clone()}, a {@link #symbol} lookup, a token made earlier, a
 * nested pin, a helper or a method reference. Such an entry would hand the inner closure a second
 * live reference to the value the outer closure is in the middle of updating, so it always throws
 * {@link PerCpuNestingException} <em>before</em> the inner closure runs, and the outer closure's
 * value and pin are left intact. Entering a different allocation inside is fine. The percpu
 * compile-time checkers report such nestings before the program runs.
 *
 * <h2>Handles</h2>
 *
 * <p>Handles are cheap, immutable and thread-safe; share them freely. {@link #clone()} and {@link
 * #symbol} return further handles to the same allocation ({@link #sameAllocation} tells); they
 * exist so that code mirrors the kernel API and so that the checkers can follow aliases. Entering
 * writes nothing that another CPU reads, and the runtime spaces the value objects of different CPUs
 * apart as it allocates them, so that they do not share a cache line (as far as the JVM's object
 * placement allows; a value's own internals are the value's business).
 *
 * <h2>Memory model</h2>
 *
 * <p>The initial values are safely published with the allocation, however the handle is shared. A
 * closure's writes to a CPU's value are visible to every later closure on that CPU, on whichever
 * thread: the unpin that ends one and the pin that begins the other are a release/acquire pair (see
 * {@link CpuGuard}).
 *
 * @param <T> the type of the per-CPU values
 */
public final class PerCpu<T> implements Cloneable {
  private final Allocation<T> allocation;

  /** How this handle was obtained, recorded in assertion mode only; {@code null} otherwise. */
  private final String origin;

  private PerCpu(Allocation<T> allocation, String origin) {
    this.allocation = allocation;
    this.origin = origin;
  }

  /**
   * Creates a per-CPU allocation whose value for each CPU is a fresh result of {@code
   * initialValue}, called once per CPU on the calling thread.
   *
   * <pre>{@code
   * PerCpu<long[]> hits = PerCpu.allocate(() -> new long[1]);
   * }</pre>
   *
   * @param <T> the type of the values
   * @param initialValue makes each CPU's value
   * @return a handle to the new allocation
   * @throws NullPointerException if {@code initialValue} is {@code null} or makes {@code null} for
   *     a CPU (the message names the CPU and where the allocation was made)
   */
  @FreshAllocation
  public static <T> PerCpu<T> allocate(Supplier<? extends T> initialValue) {
    Objects.requireNonNull(initialValue, "initialValue");
    String site = CallerFrame.capture();
    Allocation<T> allocation = new Allocation<>(cpu -> initialValue.get(), null, site);
    return new PerCpu<>(allocation, provenance("allocated at " + site));
  }

  /**
   * Creates a per-CPU allocation whose value for CPU {@code c} is {@code initialValue.apply(c)}
   * (the kernel's per-CPU initialiser).
   *
   * <pre>{@code
   * PerCpu<Shard> shards = PerCpu.allocatePerCpu(cpu -> new Shard("shard-" + cpu));
   * }</pre>
   *
   * @param <T> the type of the values
   * @param initialValue makes CPU {@code c}'s value from {@code c}
   * @return a handle to the new allocation
   * @throws NullPointerException if {@code initialValue} is {@code null} or makes {@code null} for
   *     a CPU (the message names the CPU and where the allocation was made)
   */
  @FreshAllocation
  public static <T> PerCpu<T> allocatePerCpu(IntFunction<? extends T> initialValue) {
    Objects.requireNonNull(initialValue, "initialValue");
    String site = CallerFrame.capture();
    Allocation<T> allocation = new Allocation<>(initialValue, null, site);
    return new PerCpu<>(allocation, provenance("allocated at " + site));
  }

  /**
   * Defines the static per-CPU variable {@code symbol} (the kernel's {@code DEFINE_PER_CPU}) and
   * returns a handle to it. A symbol is defined once per JVM, typically in a static initialiser.
   *
   * <pre>{@code
   * static final PerCpu<Stats> STATS = PerCpu.define("net.rx.stats", Stats.class, Stats::new);
   * }</pre>
   *
   * @param <T> the type of the values
   * @param symbol the variable's name, unique in the JVM
   * @param type the class of the values
   * @param initialValue makes each CPU's value
   * @return a handle to the variable
   * @throws NullPointerException if an argument is {@code null}, or {@code initialValue} makes
   *     {@code null} for a CPU (the message names the symbol and the CPU)
   * @throws IllegalArgumentException if {@code symbol} is empty
   * @throws IllegalStateException if {@code symbol} is already defined
   * @throws ClassCastException if {@code initialValue} produces a value that is not a {@code type}
   */
  @SymbolLookup(0)
  public static <T> PerCpu<T> define(
      String symbol, Class<T> type, Supplier<? extends T> initialValue) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(initialValue, "initialValue");
    String site = CallerFrame.capture();
    Allocation<T> allocation = Symbols.define(symbol, type, initialValue, site);
    return new PerCpu<>(allocation, provenance("defined as '" + symbol + "' at " + site));
  }

  /**
   * Returns a handle to the static per-CPU variable {@code symbol}. It aliases every other handle
   * to that variable exactly as a clone does.
   *
   * @param <T> the type the values are viewed as
   * @param symbol the variable's name
   * @param type the variable's value type, or a supertype of it
   * @return a handle to the variable
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if {@code symbol} is not defined
   * @throws ClassCastException if the variable's values are not {@code type}s
   */
  @SymbolLookup(0)
  public static <T> PerCpu<T> symbol(String symbol, Class<T> type) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    Allocation<T> allocation = Symbols.lookup(symbol, type);
    return new PerCpu<>(allocation, provenanceHere("looked up as symbol('" + symbol + "')"));
  }

  /**
   * Returns another handle to the same allocation (not a copy of the values).
   *
   * @return a new handle to this allocation
   */
  @Override
  @PreservesAllocation
  @SuppressWarnings("MethodDoesntCallSuperMethod")
  public PerCpu<T> clone() {
    return new PerCpu<>(allocation, provenanceHere("cloned"));
  }

  /**
   * Whether {@code other} is a handle to the same allocation as this one (a clone, or a lookup of
   * the same symbol).
   *
   * @param other another handle
   * @return whether both handles reach one allocation
   * @throws NullPointerException if {@code other} is {@code null}
   */
  public boolean sameAllocation(PerCpu<?> other) {
    Objects.requireNonNull(other, "other");
    return other.allocation == allocation;
  }

  /**
   * Returns a token for the value of the CPU that {@code guard} pins. The token is valid while the
   * guard is open, on the pinning thread.
   *
   * <pre>{@code
   * try (CpuGuard guard = CpuGuard.pin()) {
   *   PerCpuToken<Stats> stats = STATS.get(guard);
   *   stats.with(s -> s.requests++);
   * }
   * }</pre>
   *
   * @param guard an open guard of the calling thread
   * @return a token for the guard's CPU
   * @throws NullPointerException if {@code guard} is {@code null}
   * @throws IllegalStateException if {@code guard} is closed or belongs to another thread
   */
  @PreservesAllocation
  public PerCpuToken<T> get(CpuGuard guard) {
    Objects.requireNonNull(guard, "guard");
    guard.checkUsable("CpuGuard passed to PerCpu.get");
    try {
      return new PerCpuToken<>(this, guard);
    } catch (Throwable t) {
      // Never reached but for an OutOfMemoryError; through ColdRethrow it is no compiled path, so
      // on JDK 17 the caller's guard and this token are not allocated (see ColdRethrow).
      throw ColdRethrow.rethrow(t);
    }
  }

  /**
   * Pins the calling thread (or stays on its current CPU if it is pinned), runs {@code action} on
   * this CPU's value, and unpins.
   *
   * @param action runs on this CPU's value
   * @throws NullPointerException if {@code action} is {@code null}
   * @throws PerCpuNestingException if a closure for this allocation is already running on this CPU;
   *     {@code action} is not run
   * @throws IllegalStateException if the closure returns leaving open a {@link CpuGuard} it pinned;
   *     the runtime closes such guards (closing one later throws), so the pin is back as it was
   *     before the closure, and records the misuse in assertion mode. If the closure threw, its
   *     exception is thrown instead, with this one suppressed
   */
  @Entering(closure = 0)
  public void with(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    PinState state = Pins.pin();
    int depth = state.depth;
    try {
      allocation.accept(state, state.cpu, action, origin);
    } finally {
      try {
        if (FaultPoints.any()) {
          FaultPoints.reached(FaultPoints.Point.UNPIN_CALL);
        }
        Pins.unpinUnguarded(state); // a with/apply level never has a guard
      } catch (Throwable e) {
        // The call into unpin failed (a stack overflow at the call). If the unpin never began
        // (its level is still there), the pin is whole but nobody could close it: record the
        // debt, with a plain store and no call (a call here would overflow as well), for Pins to
        // pay at this thread's next pin or close (see PinState#owedUnpins).
        if (state.depth == depth) {
          state.owedUnpins++;
        }
        throw e;
      }
    }
  }

  /**
   * As {@link #with}, returning what {@code function} returns.
   *
   * <pre>{@code
   * long mine = STATS.apply(s -> s.requests);
   * }</pre>
   *
   * @param <R> the type of the result
   * @param function runs on this CPU's value
   * @return what {@code function} returned
   * @throws NullPointerException if {@code function} is {@code null}
   * @throws PerCpuNestingException if a closure for this allocation is already running on this CPU;
   *     {@code function} is not run
   * @throws IllegalStateException if the closure returns leaving open a {@link CpuGuard} it pinned;
   *     the runtime closes such guards (closing one later throws), so the pin is back as it was
   *     before the closure, and records the misuse in assertion mode. If the closure threw, its
   *     exception is thrown instead, with this one suppressed
   */
  @Entering(closure = 0)
  public <R> R apply(Function<? super T, ? extends R> function) {
    Objects.requireNonNull(function, "function");
    PinState state = Pins.pin();
    int depth = state.depth;
    try {
      return allocation.apply(state, state.cpu, function, origin);
    } finally {
      try {
        if (FaultPoints.any()) {
          FaultPoints.reached(FaultPoints.Point.UNPIN_CALL);
        }
        Pins.unpinUnguarded(state);
      } catch (Throwable e) {
        // As in with: no call here; the debt is paid at the next pin or close.
        if (state.depth == depth) {
          state.owedUnpins++;
        }
        throw e;
      }
    }
  }

  Allocation<T> allocation() {
    return allocation;
  }

  String origin() {
    return origin;
  }

  /** A handle's provenance, kept only in assertion mode. */
  private static String provenance(String how) {
    return AssertionMode.enabled() ? how : null;
  }

  /** As {@link #provenance}, adding the caller's position: worth a stack walk only in that mode. */
  private static String provenanceHere(String how) {
    return AssertionMode.enabled() ? how + " at " + CallerFrame.capture() : null;
  }

  /**
   * Handles are interchangeable, so two are equal when they reach the same allocation ({@link
   * #sameAllocation}); in particular {@code h.clone().equals(h)}.
   *
   * @param other any object
   * @return whether {@code other} is a handle to this allocation
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof PerCpu && ((PerCpu<?>) other).allocation == allocation;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(allocation);
  }

  @Override
  public String toString() {
    return "PerCpu[" + allocation.describe() + "]";
  }
}
