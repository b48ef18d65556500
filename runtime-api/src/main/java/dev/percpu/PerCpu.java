package dev.percpu;

import dev.percpu.qual.Entering;
import dev.percpu.qual.FreshAllocation;
import dev.percpu.qual.PreservesAllocation;
import dev.percpu.qual.SymbolLookup;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** SKELETON: the runtime issue fills in the implementation and javadoc. */
public final class PerCpu<T> {
  private PerCpu() {}

  @FreshAllocation
  public static <T> PerCpu<T> allocate(Supplier<? extends T> initialValue) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @FreshAllocation
  public static <T> PerCpu<T> allocatePerCpu(IntFunction<? extends T> initialValue) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @SymbolLookup(0)
  public static <T> PerCpu<T> define(String symbol, Class<T> type, Supplier<? extends T> initialValue) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @SymbolLookup(0)
  public static <T> PerCpu<T> symbol(String symbol, Class<T> type) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Override
  @PreservesAllocation
  @SuppressWarnings("MethodDoesntCallSuperMethod")
  public PerCpu<T> clone() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public boolean sameAllocation(PerCpu<?> other) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @PreservesAllocation
  public PerCpuToken<T> get(CpuGuard guard) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Entering(closure = 0)
  public void with(Consumer<? super T> action) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  @Entering(closure = 0)
  public <R> R apply(Function<? super T, ? extends R> function) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
