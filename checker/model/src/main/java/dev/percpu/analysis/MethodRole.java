package dev.percpu.analysis;

import java.util.Arrays;

/**
 * What a method does with per-CPU allocations, as far as the nesting rule is concerned. A method
 * has at most one role; {@link #NONE} is the answer for every method the model knows nothing about.
 */
public sealed interface MethodRole {

  /** No role: the method neither enters, aliases nor invokes closures as far as the model knows. */
  MethodRole NONE = new None();

  /** The method has no per-CPU role. */
  record None() implements MethodRole {}

  /**
   * Runs the closure at parameter {@code closure} while the slot of the allocation reached by
   * {@code handle} ({@code -1}: the receiver) is entered.
   */
  record Entering(int handle, int closure) implements MethodRole {}

  /** Returns a handle or token reaching the allocation of {@code from} ({@code -1}: receiver). */
  record PreservesAllocation(int from) implements MethodRole {}

  /**
   * Returns a handle to the static per-CPU variable named by the String parameter {@code index}.
   */
  record SymbolLookup(int index) implements MethodRole {}

  /** Returns a handle to a new allocation on every call. */
  record FreshAllocation() implements MethodRole {}

  /** Invokes the closures at the given parameters on the calling thread before returning. */
  record InvokesClosure(int[] params) implements MethodRole {
    public InvokesClosure {
      params = params.clone();
    }

    @Override
    public int[] params() {
      return params.clone();
    }

    /** Whether parameter {@code index} is one of the invoked closures. */
    public boolean invokes(int index) {
      for (int p : params) {
        if (p == index) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InvokesClosure other && Arrays.equals(params, other.params);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(params);
    }

    @Override
    public String toString() {
      return "InvokesClosure" + Arrays.toString(params);
    }
  }
}
